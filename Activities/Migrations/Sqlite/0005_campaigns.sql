-- Campaigns and their participants; each participant's part runs as one workflow instance
-- (correlation id = the campaign id, so the bookmark index answers "who is where").
CREATE TABLE campaigns (
    id                TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    year              INTEGER NOT NULL,
    template_id       TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    leaders           TEXT    NULL,
    reviewers         TEXT    NULL,
    schedule          TEXT    NULL,
    participant_count INTEGER NOT NULL,
    launched_count    INTEGER NOT NULL,
    created_at        TEXT    NOT NULL,
    launched_at       TEXT    NULL
);
CREATE TABLE campaign_participants (
    campaign_id TEXT    NOT NULL,
    chamber_id  TEXT    NOT NULL,
    instance_id TEXT    NOT NULL,
    launched    INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, chamber_id)
);
CREATE INDEX ix_campaign_participants_pending ON campaign_participants (campaign_id, launched);
