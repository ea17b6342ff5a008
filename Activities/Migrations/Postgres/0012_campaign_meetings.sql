-- A meeting held once for a whole campaign (工作例会/推进会, 004: "在每季度召开的在温异地商会工作例会上"):
-- every participant is invited, replies (回执) from its portal, and is ticked on one sign-in sheet.
CREATE TABLE campaign_meetings (
    id           text NOT NULL PRIMARY KEY,
    campaign_id  text NOT NULL,
    instance_id  text NOT NULL,
    activity_id  text NOT NULL,
    title        text NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    location     text NOT NULL,
    district     text NULL,
    description  text NULL,
    notice_at    timestamptz NOT NULL,
    reply_due    date NOT NULL,
    sequence     integer NOT NULL,
    status       text NOT NULL,
    minutes      text NULL,
    recorded_by  text NULL,
    recorded_at  timestamptz NULL
);
CREATE INDEX ix_campaign_meetings_campaign ON campaign_meetings (campaign_id, starts_at);

-- One row per participant that replied or was signed in; a participant without a row has done neither.
CREATE TABLE campaign_meeting_attendance (
    meeting_id  text NOT NULL,
    chamber_id  text NOT NULL,
    reply       text NULL,
    attendees   text NULL,
    reply_note  text NULL,
    replied_at  timestamptz NULL,
    attended    boolean NULL,
    signed_by   text NULL,
    signed_at   timestamptz NULL,
    PRIMARY KEY (meeting_id, chamber_id)
);
