-- 认定: a title a unit holds for years (市级“五好”县级工商联), granted by a published decision,
-- valid until a day, re-checked (复核) by a later campaign that confirms it or removes it (摘牌)
-- with the reason; staff may also remove it (000: 对名存实亡的商会……做出组织处理). Each step
-- is kept as an event, the title's history on the unit's page.
CREATE TABLE chamber_titles (
    id              TEXT NOT NULL PRIMARY KEY,
    chamber_id      TEXT NOT NULL,
    title           TEXT NOT NULL,
    campaign_id     TEXT NULL,
    granted_on      TEXT NOT NULL,
    valid_until     TEXT NOT NULL,
    removed_on      TEXT NULL,
    removed_reason  TEXT NULL
);
CREATE INDEX ix_chamber_titles_chamber ON chamber_titles (chamber_id, title);

CREATE TABLE chamber_title_events (
    id           TEXT NOT NULL PRIMARY KEY,
    title_id     TEXT NOT NULL,
    action       TEXT NOT NULL,
    on_day       TEXT NOT NULL,
    valid_until  TEXT NULL,
    campaign_id  TEXT NULL,
    reason       TEXT NULL,
    by_whom      TEXT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX ix_chamber_title_events_title ON chamber_title_events (title_id, at);
