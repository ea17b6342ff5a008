-- A launched campaign may be stopped (中止) with a reason: its workflows are cancelled by the
-- campaign stopper in the background while stop_pending is set, and its participants are told.
ALTER TABLE campaigns ADD COLUMN stopped_at TEXT NULL;
ALTER TABLE campaigns ADD COLUMN stop_reason TEXT NULL;
ALTER TABLE campaigns ADD COLUMN stop_pending INTEGER NOT NULL DEFAULT 0;
