-- A chamber's note on one standard of its campaign's rubric (台账、档案): what it did, for the
-- reviewers who score that standard. Its files are submission files of the same workflow instance
-- (task "evidence/<item>").
CREATE TABLE rubric_evidence (
    instance_id text NOT NULL,
    item_id     text NOT NULL,
    chamber_id  text NOT NULL,
    note        text NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (instance_id, item_id)
);
