-- Definitions, instances, bookmarks and the journal. Timestamps are UTC text as EF Core writes them.
CREATE TABLE workflow_definitions (
    id            TEXT    NOT NULL PRIMARY KEY,
    definition_id TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    name          TEXT    NULL,
    description   TEXT    NULL,
    status        TEXT    NOT NULL,
    is_latest     INTEGER NOT NULL,
    json          TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    published_at  TEXT    NULL,
    UNIQUE (definition_id, version)
);
CREATE INDEX ix_workflow_definitions_latest ON workflow_definitions (is_latest, definition_id);

CREATE TABLE workflow_instances (
    id                    TEXT    NOT NULL PRIMARY KEY,
    definition_id         TEXT    NOT NULL,
    definition_version_id TEXT    NOT NULL,
    version               INTEGER NOT NULL,
    status                TEXT    NOT NULL,
    correlation_id        TEXT    NULL,
    state                 TEXT    NOT NULL,
    incident_count        INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL,
    finished_at           TEXT    NULL,
    row_version           INTEGER NOT NULL
);
CREATE INDEX ix_workflow_instances_definition ON workflow_instances (definition_id, status);
CREATE INDEX ix_workflow_instances_correlation ON workflow_instances (correlation_id);

CREATE TABLE workflow_bookmarks (
    id             TEXT NOT NULL PRIMARY KEY,
    instance_id    TEXT NOT NULL,
    name           TEXT NOT NULL,
    key            TEXT NULL,
    correlation_id TEXT NULL,
    activity_id    TEXT NOT NULL,
    activity_type  TEXT NOT NULL,
    due_at         TEXT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX ix_workflow_bookmarks_lookup ON workflow_bookmarks (name, key);
CREATE INDEX ix_workflow_bookmarks_instance ON workflow_bookmarks (instance_id);
CREATE INDEX ix_workflow_bookmarks_due ON workflow_bookmarks (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE workflow_journal (
    instance_id TEXT    NOT NULL,
    sequence    INTEGER NOT NULL,
    entries     TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (instance_id, sequence)
);
