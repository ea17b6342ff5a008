-- Waiting work by correlation: events published for one correlation id, and a campaign's
-- participants (all correlated by the campaign id) by what they wait for.
CREATE INDEX ix_workflow_bookmarks_correlation ON workflow_bookmarks (correlation_id, name);
