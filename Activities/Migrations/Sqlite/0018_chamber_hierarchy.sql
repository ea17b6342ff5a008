-- The directory's hierarchy (issue 18): a unit may stand under a federation (市工商联 → 区县工商联 →
-- 街道/乡镇商会), so the upper level reads a campaign federation by federation.
ALTER TABLE chambers ADD COLUMN parent_id TEXT NULL;
CREATE INDEX ix_chambers_parent ON chambers (parent_id);
