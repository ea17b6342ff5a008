-- Cascading campaigns (issue 18): a federation taking part in an upper level's campaign runs it for
-- its own units as a campaign of its own (parent_campaign_id, owned by federation_id), and an upper
-- level's campaign may run another workflow for its federation participants than for its chambers.
ALTER TABLE campaigns ADD COLUMN parent_campaign_id text NULL;
ALTER TABLE campaigns ADD COLUMN federation_id text NULL;
ALTER TABLE campaigns ADD COLUMN federation_workflow text NULL;
ALTER TABLE campaigns ADD COLUMN federation_until_stage text NULL;
CREATE INDEX ix_campaigns_parent ON campaigns (parent_campaign_id);
CREATE INDEX ix_campaigns_federation ON campaigns (federation_id);
