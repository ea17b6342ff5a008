-- A dispatch that fails is retried with growing delays instead of every sweep, and says why it failed.
ALTER TABLE workflow_dispatches ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workflow_dispatches ADD COLUMN next_attempt_at timestamptz NULL;
ALTER TABLE workflow_dispatches ADD COLUMN last_error TEXT NULL;
CREATE INDEX ix_workflow_dispatches_due ON workflow_dispatches (next_attempt_at);
