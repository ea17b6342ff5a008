-- Portal links carry the chamber's link version; raising it revokes them.
ALTER TABLE chambers ADD COLUMN portal_version INTEGER NOT NULL DEFAULT 0;

-- Files chambers upload through the portal, kept in the database every host shares.
CREATE TABLE submission_files (
    id           TEXT    NOT NULL PRIMARY KEY,
    chamber_id   TEXT    NOT NULL,
    instance_id  TEXT    NOT NULL,
    task_id      TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    content      BLOB    NOT NULL,
    uploaded_at  TEXT    NOT NULL
);
CREATE INDEX ix_submission_files_task ON submission_files (task_id);
CREATE INDEX ix_submission_files_instance ON submission_files (instance_id);
