-- Messages asked for by workflow steps, written in the step's own commit and delivered afterwards.
CREATE TABLE outbox_messages (
    id              TEXT    NOT NULL PRIMARY KEY,
    channel         TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL UNIQUE,
    payload         TEXT    NOT NULL,
    summary         TEXT    NULL,
    instance_id     TEXT    NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    locked_until    TEXT    NULL,
    last_error      TEXT    NULL,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT    NULL
);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (channel, status, next_attempt_at);
CREATE INDEX ix_outbox_messages_instance ON outbox_messages (instance_id);
CREATE INDEX ix_outbox_messages_created ON outbox_messages (created_at);
