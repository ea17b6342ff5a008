-- At most one published version per definition, even when two hosts publish at the same moment.
CREATE UNIQUE INDEX ux_workflow_definitions_published ON workflow_definitions (definition_id) WHERE status = 'Published';
