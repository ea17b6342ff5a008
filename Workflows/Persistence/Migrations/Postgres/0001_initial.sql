-- Definitions, instances, bookmarks and the journal.
CREATE TABLE workflow_definitions (
    id            text        NOT NULL PRIMARY KEY,
    definition_id text        NOT NULL,
    version       integer     NOT NULL,
    name          text        NULL,
    description   text        NULL,
    status        text        NOT NULL,
    is_latest     boolean     NOT NULL,
    json          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz NULL,
    UNIQUE (definition_id, version)
);
CREATE INDEX ix_workflow_definitions_latest ON workflow_definitions (is_latest, definition_id);

CREATE TABLE workflow_instances (
    id                    text        NOT NULL PRIMARY KEY,
    definition_id         text        NOT NULL,
    definition_version_id text        NOT NULL,
    version               integer     NOT NULL,
    status                text        NOT NULL,
    correlation_id        text        NULL,
    state                 text        NOT NULL,
    incident_count        integer     NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    finished_at           timestamptz NULL,
    row_version           bigint      NOT NULL
);
CREATE INDEX ix_workflow_instances_definition ON workflow_instances (definition_id, status);
CREATE INDEX ix_workflow_instances_correlation ON workflow_instances (correlation_id);

CREATE TABLE workflow_bookmarks (
    id             text        NOT NULL PRIMARY KEY,
    instance_id    text        NOT NULL,
    name           text        NOT NULL,
    key            text        NULL,
    correlation_id text        NULL,
    activity_id    text        NOT NULL,
    activity_type  text        NOT NULL,
    due_at         timestamptz NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX ix_workflow_bookmarks_lookup ON workflow_bookmarks (name, key);
CREATE INDEX ix_workflow_bookmarks_instance ON workflow_bookmarks (instance_id);
CREATE INDEX ix_workflow_bookmarks_due ON workflow_bookmarks (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE workflow_journal (
    instance_id text        NOT NULL,
    sequence    bigint      NOT NULL,
    entries     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (instance_id, sequence)
);
