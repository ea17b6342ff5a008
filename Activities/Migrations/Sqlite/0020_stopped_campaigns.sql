-- A launched campaign may be stopped (中止): when, why, and by whom (an e-mail; null when it stopped
-- with its upper campaign). While stop_pending is set, the campaign stopper cancels its workflows
-- in the background and then tells its participants.
ALTER TABLE campaigns ADD COLUMN stopped_at TEXT NULL;
ALTER TABLE campaigns ADD COLUMN stop_reason TEXT NULL;
ALTER TABLE campaigns ADD COLUMN stopped_by TEXT NULL;
ALTER TABLE campaigns ADD COLUMN stop_pending INTEGER NOT NULL DEFAULT 0;
