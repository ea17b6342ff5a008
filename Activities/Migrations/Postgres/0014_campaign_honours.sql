-- 拟表彰名单: when the review is over, the participants that passed are ranked by score into the
-- campaign's tiers, up to its quota; staff adjust the list (with a reason) until the leaders sign it
-- off, and the published decision makes those it names commended (表彰) or recognised (认定).
CREATE TABLE campaign_shortlists (
    campaign_id   text NOT NULL PRIMARY KEY,
    honour        text NOT NULL,
    kind          text NOT NULL,
    quota         integer NULL,
    tiers         text NOT NULL,
    status        text NOT NULL,
    file_id       text NULL,
    proposed_at   timestamptz NOT NULL,
    decided_at    timestamptz NULL,
    published_at  timestamptz NULL
);

CREATE TABLE campaign_honours (
    campaign_id   text NOT NULL,
    chamber_id    text NOT NULL,
    rank          integer NOT NULL,
    score         double precision NOT NULL,
    tier          text NULL,
    included      boolean NOT NULL,
    note          text NULL,
    changed_by    text NULL,
    changed_at    timestamptz NULL,
    PRIMARY KEY (campaign_id, chamber_id)
);
