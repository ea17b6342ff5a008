-- Calendar years added or replaced by administrators (they override the shipped data).
CREATE TABLE calendar_years (
    year       integer     NOT NULL PRIMARY KEY,
    json       text        NOT NULL,
    updated_at timestamptz NOT NULL
);
