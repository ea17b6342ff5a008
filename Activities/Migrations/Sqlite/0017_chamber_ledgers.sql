-- 台账 (000: 基本情况、经济发展、活动开展、经费收支、班子变化): each unit enters its own figures for a
-- year on its portal page, beside the previous year's; staff confirm them (or return them with
-- the reason), and the rubrics' computed indicators read the confirmed figures of the campaign's year.
CREATE TABLE chamber_ledgers (
    chamber_id     TEXT NOT NULL,
    year           INTEGER NOT NULL,
    figures        TEXT NOT NULL,
    status         TEXT NOT NULL,
    submitted_at   TEXT NOT NULL,
    reviewed_by    TEXT NULL,
    reviewed_at    TEXT NULL,
    returned_reason TEXT NULL,
    PRIMARY KEY (chamber_id, year)
);
