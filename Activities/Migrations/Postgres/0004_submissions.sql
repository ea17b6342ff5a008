-- Portal links carry the chamber's link version; raising it revokes them.
ALTER TABLE chambers ADD COLUMN portal_version integer NOT NULL DEFAULT 0;

-- Files chambers upload through the portal, kept in the database every host shares.
CREATE TABLE submission_files (
    id           text        NOT NULL PRIMARY KEY,
    chamber_id   text        NOT NULL,
    instance_id  text        NOT NULL,
    task_id      text        NOT NULL,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL,
    sha256       text        NOT NULL,
    content      bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX ix_submission_files_task ON submission_files (task_id);
CREATE INDEX ix_submission_files_instance ON submission_files (instance_id);
