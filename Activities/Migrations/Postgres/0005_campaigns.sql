-- Campaigns and their participants; each participant's part runs as one workflow instance
-- (correlation id = the campaign id, so the bookmark index answers "who is where").
CREATE TABLE campaigns (
    id                text        NOT NULL PRIMARY KEY,
    name              text        NOT NULL,
    year              integer     NOT NULL,
    template_id       text        NOT NULL,
    status            text        NOT NULL,
    leaders           text        NULL,
    reviewers         text        NULL,
    schedule          text        NULL,
    participant_count integer     NOT NULL,
    launched_count    integer     NOT NULL,
    created_at        timestamptz NOT NULL,
    launched_at       timestamptz NULL
);
CREATE TABLE campaign_participants (
    campaign_id text    NOT NULL,
    chamber_id  text    NOT NULL,
    instance_id text    NOT NULL,
    launched    boolean NOT NULL,
    PRIMARY KEY (campaign_id, chamber_id)
);
CREATE INDEX ix_campaign_participants_pending ON campaign_participants (campaign_id, launched);
