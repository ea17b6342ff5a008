-- A campaign's circular (通报) and commendation decision (表彰决定): drafted from the review results
-- as a Word document (kept among the campaign's documents), signed off by leaders, then published
-- to every participant's portal page and e-mailed. One of each kind per campaign: a redraft replaces it.
CREATE TABLE campaign_notices (
    id            text NOT NULL PRIMARY KEY,
    campaign_id   text NOT NULL,
    kind          text NOT NULL,
    title         text NOT NULL,
    number        text NULL,
    honour        text NULL,
    commended     text NULL,
    issuer        text NOT NULL,
    file_id       text NOT NULL,
    status        text NOT NULL,
    drafted_at    timestamptz NOT NULL,
    published_at  timestamptz NULL
);
CREATE INDEX ix_campaign_notices_campaign ON campaign_notices (campaign_id);
