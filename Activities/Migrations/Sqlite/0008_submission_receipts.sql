-- What a chamber handed in and what became of it (the portal's receipt): written by the portal
-- when the workflow took the submission, and by the task API when staff accept or return it.
CREATE TABLE submission_receipts (
    item_id      TEXT    NOT NULL PRIMARY KEY,
    chamber_id   TEXT    NOT NULL,
    instance_id  TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    campaign     TEXT    NULL,
    round        INTEGER NOT NULL,
    note         TEXT    NULL,
    submitted_at TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    feedback     TEXT    NULL,
    answered_at  TEXT    NULL
);
CREATE INDEX ix_submission_receipts_chamber ON submission_receipts (chamber_id, submitted_at);
