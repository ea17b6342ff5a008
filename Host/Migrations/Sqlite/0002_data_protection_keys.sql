-- The Data Protection key ring (cookie and anti-forgery keys), shared by every host on this
-- database so that a cookie issued by one host is accepted by the others.
CREATE TABLE host_data_protection_keys (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT    NOT NULL,
    xml           TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
