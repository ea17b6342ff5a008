-- An account may belong to a federation (issue 18): a district federation's staff see and run only
-- their federation's campaigns and units. NULL: the top level's account, as before.
ALTER TABLE host_users ADD COLUMN federation_id text NULL;
