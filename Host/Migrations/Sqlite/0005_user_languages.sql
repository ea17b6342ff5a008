-- The language a person reads: the web client's choice, kept so that e-mails to them (a sign-off
-- reminder, the leaders' digest, a password reset) are written in it. NULL: Chinese.
ALTER TABLE host_users ADD COLUMN language TEXT NULL;
