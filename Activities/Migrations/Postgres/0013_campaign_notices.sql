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
    publicity_until date NULL,
    published_at  timestamptz NULL
);
CREATE INDEX ix_campaign_notices_campaign ON campaign_notices (campaign_id);

-- 公示: while a notice is shown to the participants before it is decided, each may raise an
-- objection (异议) from its portal; staff answer it, and the participant reads the answer there.
CREATE TABLE notice_objections (
    id           text NOT NULL PRIMARY KEY,
    notice_id    text NOT NULL,
    chamber_id   text NOT NULL,
    text         text NOT NULL,
    created_at   timestamptz NOT NULL,
    answer       text NULL,
    answered_by  text NULL,
    answered_at  timestamptz NULL
);
CREATE INDEX ix_notice_objections_notice ON notice_objections (notice_id, created_at);
