-- Sign-in accounts of staff, leaders, reviewers and administrators.
CREATE TABLE host_users (
    id            text        NOT NULL PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    roles         text        NOT NULL,
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);
