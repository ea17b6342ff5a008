-- E-mail templates changed by administrators; they take the place of the shipped ones
-- (definitions/email-templates) of the same name until reset.
CREATE TABLE email_templates (
    name       TEXT NOT NULL PRIMARY KEY,
    subject    TEXT NOT NULL,
    text       TEXT NOT NULL,
    html       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NULL
);
