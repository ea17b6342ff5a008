-- Where each participant got: one row per stage reached (from the participants' progress
-- reports), the latest stage, review score and outcome on the participant, and what the
-- campaign's own workflow asked to be launched.
ALTER TABLE campaigns ADD COLUMN participant_workflow TEXT NULL;
ALTER TABLE campaigns ADD COLUMN until_stage TEXT NULL;
ALTER TABLE campaigns ADD COLUMN plan_approvers TEXT NULL;
ALTER TABLE campaign_participants ADD COLUMN stage TEXT NULL;
ALTER TABLE campaign_participants ADD COLUMN score REAL NULL;
ALTER TABLE campaign_participants ADD COLUMN outcome TEXT NULL;
ALTER TABLE campaign_participants ADD COLUMN progress_sequence INTEGER NULL;
CREATE TABLE campaign_stages (
    campaign_id TEXT NOT NULL,
    stage       TEXT NOT NULL,
    chamber_id  TEXT NOT NULL,
    reached_at  TEXT NOT NULL,
    PRIMARY KEY (campaign_id, stage, chamber_id)
);
