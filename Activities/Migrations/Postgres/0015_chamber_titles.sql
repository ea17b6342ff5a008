-- 认定: a title a unit holds for years (市级“五好”县级工商联), granted by a published decision,
-- valid until a day, re-checked (复核) by a later campaign that confirms it or removes it (摘牌)
-- with the reason; staff may also remove it (000: 对名存实亡的商会……做出组织处理). Each step
-- is kept as an event, the title's history on the unit's page.
CREATE TABLE chamber_titles (
    id              text NOT NULL PRIMARY KEY,
    chamber_id      text NOT NULL,
    title           text NOT NULL,
    campaign_id     text NULL,
    granted_on      date NOT NULL,
    valid_until     date NOT NULL,
    removed_on      date NULL,
    removed_reason  text NULL
);
CREATE INDEX ix_chamber_titles_chamber ON chamber_titles (chamber_id, title);

CREATE TABLE chamber_title_events (
    id           text NOT NULL PRIMARY KEY,
    title_id     text NOT NULL,
    action       text NOT NULL,
    on_day       date NOT NULL,
    valid_until  date NULL,
    campaign_id  text NULL,
    reason       text NULL,
    by_whom      text NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX ix_chamber_title_events_title ON chamber_title_events (title_id, at);
