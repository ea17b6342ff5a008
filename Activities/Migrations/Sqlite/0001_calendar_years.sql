-- Calendar years added or replaced by administrators (they override the shipped data).
CREATE TABLE calendar_years (
    year       INTEGER NOT NULL PRIMARY KEY,
    json       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
