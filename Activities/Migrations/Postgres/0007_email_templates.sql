-- E-mail templates changed by administrators; they take the place of the shipped ones
-- (definitions/email-templates) of the same name until reset.
CREATE TABLE email_templates (
    name       text        NOT NULL PRIMARY KEY,
    subject    text        NOT NULL,
    text       text        NOT NULL,
    html       text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NULL
);
