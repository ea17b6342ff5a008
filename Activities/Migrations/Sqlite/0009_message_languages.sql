-- Messages go out in their recipient's language: a chamber may read English (NULL: Chinese), and
-- administrators change each language's version of a template on its own, so a template's key is
-- its name and language. SQLite cannot change a primary key in place: the table is rebuilt.
ALTER TABLE chambers ADD COLUMN language TEXT NULL;

CREATE TABLE email_templates_by_language (
    name       TEXT NOT NULL,
    language   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    text       TEXT NOT NULL,
    html       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NULL,
    PRIMARY KEY (name, language)
);
INSERT INTO email_templates_by_language (name, language, subject, text, html, updated_at, updated_by)
SELECT name, 'zh-CN', subject, text, html, updated_at, updated_by FROM email_templates;
DROP TABLE email_templates;
ALTER TABLE email_templates_by_language RENAME TO email_templates;
