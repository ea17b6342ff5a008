-- Tasks people have answered (已办): written by the task API once the workflow took the answer.
CREATE TABLE task_history (
    task_id      text NOT NULL PRIMARY KEY,
    instance_id  text NOT NULL,
    activity_id  text NOT NULL,
    kind         text NOT NULL,
    title        text NOT NULL,
    assignee     text NOT NULL,
    actor        text NOT NULL,
    action       text NOT NULL,
    comment      text NULL,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz NOT NULL
);
CREATE INDEX ix_task_history_actor ON task_history (actor, completed_at);
CREATE INDEX ix_task_history_instance ON task_history (instance_id);
