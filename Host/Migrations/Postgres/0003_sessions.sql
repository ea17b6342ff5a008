-- One row per signed-in session. Signing out deletes it, and so do disabling the user and a new
-- password (all of the user's, or all but the one that changed it): a cookie whose row is gone is
-- refused, and re-enabling a user does not bring old cookies back.
CREATE TABLE host_sessions (
    id         text NOT NULL PRIMARY KEY,
    user_id    text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_host_sessions_user ON host_sessions (user_id);
