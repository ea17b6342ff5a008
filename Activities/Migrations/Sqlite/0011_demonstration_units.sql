-- Demonstration units (示范单位, 004: "确定一至两个条件较具备的商会，作为示范性商会"): staff pick them
-- during the campaign, with why; the campaign page and its circular name them.
ALTER TABLE campaign_participants ADD COLUMN demonstration_at TEXT NULL;
ALTER TABLE campaign_participants ADD COLUMN demonstration_reason TEXT NULL;
