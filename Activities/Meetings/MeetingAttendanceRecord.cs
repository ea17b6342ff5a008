namespace Chamber.Campaigns.Meetings;

/// <summary>
/// A participant's 回执 for a campaign meeting and its tick on the sign-in sheet (table
/// <c>campaign_meeting_attendance</c>); a participant that has done neither has no row.
/// </summary>
public sealed class MeetingAttendanceRecord
{
    public required string MeetingId { get; set; }
    public required string ChamberId { get; set; }

    /// <summary><see cref="MeetingReply.Attending"/>, <see cref="MeetingReply.Declined"/>, or null before it replied.</summary>
    public string? Reply { get; set; }

    /// <summary>Who will come (names and positions, as the chamber wrote them).</summary>
    public string? Attendees { get; set; }

    public string? ReplyNote { get; set; }
    public DateTime? RepliedAt { get; set; }

    /// <summary>Signed in (true), marked absent (false), or not recorded yet.</summary>
    public bool? Attended { get; set; }

    public string? SignedBy { get; set; }
    public DateTime? SignedAt { get; set; }
}

/// <summary>The answers a 回执 can give.</summary>
public static class MeetingReply
{
    public const string Attending = "attending";
    public const string Declined = "declined";
}
