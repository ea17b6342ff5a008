-- A meeting held once for a whole campaign (工作例会/推进会, 004: "在每季度召开的在温异地商会工作例会上"):
-- every participant is invited, replies (回执) from its portal, and is ticked on one sign-in sheet.
CREATE TABLE campaign_meetings (
    id           TEXT NOT NULL PRIMARY KEY,
    campaign_id  TEXT NOT NULL,
    instance_id  TEXT NOT NULL,
    activity_id  TEXT NOT NULL,
    title        TEXT NOT NULL,
    starts_at    TEXT NOT NULL,
    ends_at      TEXT NOT NULL,
    location     TEXT NOT NULL,
    district     TEXT NULL,
    description  TEXT NULL,
    notice_at    TEXT NOT NULL,
    reply_due    TEXT NOT NULL,
    sequence     INTEGER NOT NULL,
    status       TEXT NOT NULL,
    minutes      TEXT NULL,
    recorded_by  TEXT NULL,
    recorded_at  TEXT NULL
);
CREATE INDEX ix_campaign_meetings_campaign ON campaign_meetings (campaign_id, starts_at);

-- One row per participant that replied or was signed in; a participant without a row has done neither.
CREATE TABLE campaign_meeting_attendance (
    meeting_id  TEXT NOT NULL,
    chamber_id  TEXT NOT NULL,
    reply       TEXT NULL,
    attendees   TEXT NULL,
    reply_note  TEXT NULL,
    replied_at  TEXT NULL,
    attended    INTEGER NULL,
    signed_by   TEXT NULL,
    signed_at   TEXT NULL,
    PRIMARY KEY (meeting_id, chamber_id)
);
