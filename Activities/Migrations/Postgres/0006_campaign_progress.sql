-- Where each participant got: one row per stage reached (from the participants' progress
-- reports), the latest stage, review score and outcome on the participant, and what the
-- campaign's own workflow asked to be launched.
ALTER TABLE campaigns ADD COLUMN participant_workflow text NULL;
ALTER TABLE campaigns ADD COLUMN until_stage text NULL;
ALTER TABLE campaigns ADD COLUMN plan_approvers text NULL;
ALTER TABLE campaign_participants ADD COLUMN stage text NULL;
ALTER TABLE campaign_participants ADD COLUMN score double precision NULL;
ALTER TABLE campaign_participants ADD COLUMN outcome text NULL;
ALTER TABLE campaign_participants ADD COLUMN progress_sequence bigint NULL;
CREATE TABLE campaign_stages (
    campaign_id text        NOT NULL,
    stage       text        NOT NULL,
    chamber_id  text        NOT NULL,
    reached_at  timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, stage, chamber_id)
);
