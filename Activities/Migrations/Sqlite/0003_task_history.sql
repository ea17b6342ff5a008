-- Tasks people have answered (已办): written by the task API once the workflow took the answer.
CREATE TABLE task_history (
    task_id      TEXT NOT NULL PRIMARY KEY,
    instance_id  TEXT NOT NULL,
    activity_id  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    assignee     TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    comment      TEXT NULL,
    created_at   TEXT NOT NULL,
    completed_at TEXT NOT NULL
);
CREATE INDEX ix_task_history_actor ON task_history (actor, completed_at);
CREATE INDEX ix_task_history_instance ON task_history (instance_id);
