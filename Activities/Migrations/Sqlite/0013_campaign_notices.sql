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
    publicity_until TEXT NULL,
    published_at  TEXT NULL
);
CREATE INDEX ix_campaign_notices_campaign ON campaign_notices (campaign_id);

-- 公示: while a notice is shown to the participants before it is decided, each may raise an
-- objection (异议) from its portal; staff answer it, and the participant reads the answer there.
CREATE TABLE notice_objections (
    id           TEXT NOT NULL PRIMARY KEY,
    notice_id    TEXT NOT NULL,
    chamber_id   TEXT NOT NULL,
    text         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    answer       TEXT NULL,
    answered_by  TEXT NULL,
    answered_at  TEXT NULL
);
CREATE INDEX ix_notice_objections_notice ON notice_objections (notice_id, created_at);
