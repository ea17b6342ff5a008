-- Timer triggers of published definitions (Elsa.Timer / Cron / StartAt with canStartWorkflow):
-- one row per trigger activity with its next occurrence. Keyed by definition, not version, so a
-- republish replaces the schedule instead of adding a second one.
CREATE TABLE workflow_schedules (
    id            text NOT NULL PRIMARY KEY,
    definition_id text NOT NULL,
    activity_id   text NOT NULL,
    spec          text NOT NULL,
    next_due_at   timestamptz NULL,
    last_fired_at timestamptz NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX ix_workflow_schedules_definition ON workflow_schedules (definition_id);
CREATE INDEX ix_workflow_schedules_due ON workflow_schedules (next_due_at) WHERE next_due_at IS NOT NULL;
