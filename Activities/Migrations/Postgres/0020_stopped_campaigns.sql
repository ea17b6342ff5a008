-- A launched campaign may be stopped (中止): when, why, and by whom (an e-mail; null when it stopped
-- with its upper campaign). While stop_pending is set, the campaign stopper cancels its workflows
-- in the background and then tells its participants.
ALTER TABLE campaigns ADD COLUMN stopped_at timestamptz NULL;
ALTER TABLE campaigns ADD COLUMN stop_reason text NULL;
ALTER TABLE campaigns ADD COLUMN stopped_by text NULL;
ALTER TABLE campaigns ADD COLUMN stop_pending boolean NOT NULL DEFAULT false;
