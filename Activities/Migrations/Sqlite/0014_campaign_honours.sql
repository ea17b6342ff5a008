-- 拟表彰名单: when the review is over, the participants that passed are ranked by score into the
-- campaign's tiers, up to its quota; staff adjust the list (with a reason) until the leaders sign it
-- off, and the published decision makes those it names commended (表彰) or recognised (认定).
CREATE TABLE campaign_shortlists (
    campaign_id   TEXT NOT NULL PRIMARY KEY,
    honour        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    quota         INTEGER NULL,
    tiers         TEXT NOT NULL,
    status        TEXT NOT NULL,
    file_id       TEXT NULL,
    proposed_at   TEXT NOT NULL,
    decided_at    TEXT NULL,
    published_at  TEXT NULL
);

CREATE TABLE campaign_honours (
    campaign_id   TEXT NOT NULL,
    chamber_id    TEXT NOT NULL,
    rank          INTEGER NOT NULL,
    score         REAL NOT NULL,
    tier          TEXT NULL,
    included      INTEGER NOT NULL,
    note          TEXT NULL,
    changed_by    TEXT NULL,
    changed_at    TEXT NULL,
    PRIMARY KEY (campaign_id, chamber_id)
);
