-- A bookmark may carry an indexed tag and its payload, so that lists of waiting work (a user's
-- inbox: tag = the assignee) are read from the index without loading instances.
ALTER TABLE workflow_bookmarks ADD COLUMN tag TEXT NULL;
ALTER TABLE workflow_bookmarks ADD COLUMN payload TEXT NULL;
CREATE INDEX ix_workflow_bookmarks_tag ON workflow_bookmarks (name, tag) WHERE tag IS NOT NULL;
