-- Bursts of work under way on some host (a campaign's launch, a large reminder sweep): while one
-- runs anywhere, e-mail delivery on every host makes way for it (BulkWork). A row is a lease its
-- host renews every few seconds and deletes at the end; a host that dies leaves a row that expires.
-- PostgreSQL only: SQLite serves one host, whose bursts are known in its own memory.
CREATE TABLE bulk_work (
    id    text        NOT NULL PRIMARY KEY,
    until timestamptz NOT NULL
);
