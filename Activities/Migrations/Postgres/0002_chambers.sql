-- Chambers and district federations that take part in campaigns; re-imports match on name_key.
CREATE TABLE chambers (
    id                          text        NOT NULL PRIMARY KEY,
    name                        text        NOT NULL,
    name_key                    text        NOT NULL UNIQUE,
    type                        text        NULL,
    district                    text        NULL,
    contact                     text        NULL,
    email                       text        NOT NULL,
    phone                       text        NULL,
    member_count                integer     NULL,
    enterprise_member_count     integer     NULL,
    previous_year_member_count  integer     NULL,
    local_private_entity_count  integer     NULL,
    extra                       text        NULL,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL
);
CREATE INDEX ix_chambers_district ON chambers (district);
