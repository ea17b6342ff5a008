-- The shipped workflows as last imported: an upgrade compares the release's file with it to tell
-- a new shipped version (imported) from a department's own edits (kept; the new version waits as a draft).
CREATE TABLE host_shipped_definitions (
    definition_id text NOT NULL PRIMARY KEY,
    content_hash  text NOT NULL,
    json          text NOT NULL,
    version       integer NOT NULL,
    imported_at   timestamptz NOT NULL
);
