-- Child workflows: the parent link on instances, and the durable dispatch queue that starts
-- children and resumes waiting parents exactly once.
ALTER TABLE workflow_instances ADD COLUMN parent_instance_id TEXT NULL;
ALTER TABLE workflow_instances ADD COLUMN parent_bookmark_id TEXT NULL;
CREATE INDEX ix_workflow_instances_parent ON workflow_instances (parent_instance_id);

CREATE TABLE workflow_dispatches (
    id          TEXT NOT NULL PRIMARY KEY,
    kind        TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    bookmark_id TEXT NULL,
    payload     TEXT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_workflow_dispatches_created ON workflow_dispatches (created_at);
