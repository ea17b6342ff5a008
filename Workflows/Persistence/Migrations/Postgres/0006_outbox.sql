-- Messages asked for by workflow steps, written in the step's own commit and delivered afterwards.
CREATE TABLE outbox_messages (
    id              text        NOT NULL PRIMARY KEY,
    channel         text        NOT NULL,
    idempotency_key text        NOT NULL UNIQUE,
    payload         text        NOT NULL,
    summary         text        NULL,
    instance_id     text        NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz NULL,
    last_error      text        NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz NULL
);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (channel, status, next_attempt_at);
CREATE INDEX ix_outbox_messages_instance ON outbox_messages (instance_id);
CREATE INDEX ix_outbox_messages_created ON outbox_messages (created_at);
