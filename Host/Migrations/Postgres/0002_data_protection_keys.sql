-- The Data Protection key ring (cookie and anti-forgery keys), shared by every host on this
-- database so that a cookie issued by one host is accepted by the others.
CREATE TABLE host_data_protection_keys (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text        NOT NULL,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL
);
