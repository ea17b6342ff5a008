-- Detached timers (reminders) are read a batch at a time by name, in due-time order, after the last
-- one read: (due_at, id) is the cursor, so the next batch is read while the last is being written.
CREATE INDEX ix_workflow_bookmarks_timers ON workflow_bookmarks (name, due_at, id) WHERE due_at IS NOT NULL;
