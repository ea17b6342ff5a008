-- A campaign's circular (通报) and commendation decision (表彰决定): drafted from the review results
-- as a Word document (kept among the campaign's documents), signed off by leaders, then published
-- to every participant's portal page and e-mailed. One of each kind per campaign: a redraft replaces it.
CREATE TABLE campaign_notices (
    id            TEXT NOT NULL PRIMARY KEY,
    campaign_id   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    number        TEXT NULL,
    honour        TEXT NULL,
    commended     TEXT NULL,
    issuer        TEXT NOT NULL,
    file_id       TEXT NOT NULL,
    status        TEXT NOT NULL,
    drafted_at    TEXT NOT NULL,
    published_at  TEXT NULL
);
CREATE INDEX ix_campaign_notices_campaign ON campaign_notices (campaign_id);
