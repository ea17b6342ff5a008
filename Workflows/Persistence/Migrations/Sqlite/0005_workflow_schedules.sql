-- Timer triggers of published definitions (Elsa.Timer / Cron / StartAt with canStartWorkflow):
-- one row per trigger activity with its next occurrence. Keyed by definition, not version, so a
-- republish replaces the schedule instead of adding a second one.
CREATE TABLE workflow_schedules (
    id            TEXT NOT NULL PRIMARY KEY,
    definition_id TEXT NOT NULL,
    activity_id   TEXT NOT NULL,
    spec          TEXT NOT NULL,
    next_due_at   TEXT NULL,
    last_fired_at TEXT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX ix_workflow_schedules_definition ON workflow_schedules (definition_id);
CREATE INDEX ix_workflow_schedules_due ON workflow_schedules (next_due_at) WHERE next_due_at IS NOT NULL;
