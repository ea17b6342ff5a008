-- The shipped workflows as last imported: an upgrade compares the release's file with it to tell
-- a new shipped version (imported) from a department's own edits (kept; the new version waits as a draft).
CREATE TABLE host_shipped_definitions (
    definition_id TEXT NOT NULL PRIMARY KEY,
    content_hash  TEXT NOT NULL,
    json          TEXT NOT NULL,
    version       INTEGER NOT NULL,
    imported_at   TEXT NOT NULL
);
