-- Messages go out in their recipient's language: a chamber may read English (NULL: Chinese), and
-- administrators change each language's version of a template on its own, so a template's key is
-- its name and language. The changes made so far are the Chinese versions.
ALTER TABLE chambers ADD COLUMN language text NULL;

ALTER TABLE email_templates ADD COLUMN language text NOT NULL DEFAULT 'zh-CN';
ALTER TABLE email_templates ALTER COLUMN language DROP DEFAULT;
ALTER TABLE email_templates DROP CONSTRAINT email_templates_pkey;
ALTER TABLE email_templates ADD PRIMARY KEY (name, language);
