-- Standards as data (issue 19): each rubric is kept as versions, seeded from definitions/rubrics
-- as version 1; an administrator's edit adds a version, and a campaign keeps the one it was
-- launched with (campaigns.rubric_version), so a running campaign is scored as it began.
CREATE TABLE rubric_versions (
    rubric_id   text NOT NULL,
    version     integer NOT NULL,
    body        text NOT NULL,
    note        text NULL,
    created_by  text NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (rubric_id, version)
);

ALTER TABLE campaigns ADD COLUMN rubric_id text NULL;
ALTER TABLE campaigns ADD COLUMN rubric_version integer NULL;
