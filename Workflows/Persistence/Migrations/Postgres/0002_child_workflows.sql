-- Child workflows: the parent link on instances, and the durable dispatch queue that starts
-- children and resumes waiting parents exactly once.
ALTER TABLE workflow_instances ADD COLUMN parent_instance_id text NULL;
ALTER TABLE workflow_instances ADD COLUMN parent_bookmark_id text NULL;
CREATE INDEX ix_workflow_instances_parent ON workflow_instances (parent_instance_id);

CREATE TABLE workflow_dispatches (
    id          text        NOT NULL PRIMARY KEY,
    kind        text        NOT NULL,
    instance_id text        NOT NULL,
    bookmark_id text        NULL,
    payload     text        NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_workflow_dispatches_created ON workflow_dispatches (created_at);
