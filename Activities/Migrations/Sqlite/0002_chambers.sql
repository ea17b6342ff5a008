-- Chambers and district federations that take part in campaigns; re-imports match on name_key.
CREATE TABLE chambers (
    id                          TEXT    NOT NULL PRIMARY KEY,
    name                        TEXT    NOT NULL,
    name_key                    TEXT    NOT NULL UNIQUE,
    type                        TEXT    NULL,
    district                    TEXT    NULL,
    contact                     TEXT    NULL,
    email                       TEXT    NOT NULL,
    phone                       TEXT    NULL,
    member_count                INTEGER NULL,
    enterprise_member_count     INTEGER NULL,
    previous_year_member_count  INTEGER NULL,
    local_private_entity_count  INTEGER NULL,
    extra                       TEXT    NULL,
    created_at                  TEXT    NOT NULL,
    updated_at                  TEXT    NOT NULL
);
CREATE INDEX ix_chambers_district ON chambers (district);
