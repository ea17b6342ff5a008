-- What a chamber handed in and what became of it (the portal's receipt): written by the portal
-- when the workflow took the submission, and by the task API when staff accept or return it.
CREATE TABLE submission_receipts (
    item_id      text        NOT NULL PRIMARY KEY,
    chamber_id   text        NOT NULL,
    instance_id  text        NOT NULL,
    title        text        NOT NULL,
    campaign     text        NULL,
    round        integer     NOT NULL,
    note         text        NULL,
    submitted_at timestamptz NOT NULL,
    status       text        NOT NULL,
    feedback     text        NULL,
    answered_at  timestamptz NULL
);
CREATE INDEX ix_submission_receipts_chamber ON submission_receipts (chamber_id, submitted_at);
