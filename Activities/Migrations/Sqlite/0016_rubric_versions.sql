-- Standards as data (issue 19): each rubric is kept as versions, seeded from definitions/rubrics
-- as version 1; an administrator's edit adds a version, and a campaign keeps the one it was
-- launched with (campaigns.rubric_version), so a running campaign is scored as it began.
CREATE TABLE rubric_versions (
    rubric_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    body        TEXT NOT NULL,
    note        TEXT NULL,
    created_by  TEXT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (rubric_id, version)
);

ALTER TABLE campaigns ADD COLUMN rubric_id TEXT NULL;
ALTER TABLE campaigns ADD COLUMN rubric_version INTEGER NULL;
