namespace Chamber.Campaigns.Meetings;

/// <summary>A meeting held once for a whole campaign (table <c>campaign_meetings</c>); see <see cref="CampaignMeeting"/>.</summary>
public sealed class CampaignMeetingRecord
{
    public required string Id { get; set; }
    public required string CampaignId { get; set; }

    /// <summary>The campaign's workflow instance and the step that holds the meeting, which moving it resumes.</summary>
    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }
    public required string Title { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public required string Location { get; set; }
    public string? Description { get; set; }

    /// <summary>A district's own meeting invites only the participants of that district; null: every participant.</summary>
    public string? District { get; set; }

    /// <summary>When the invitations go out (a set number of working days before the meeting, at 09:00 Beijing).</summary>
    public DateTime NoticeAt { get; set; }

    /// <summary>The last day (Beijing) a participant may send its 回执 from the portal.</summary>
    public DateOnly ReplyDue { get; set; }

    /// <summary>The invitation's sequence (RFC 5545): 0, then one more for each move and for the cancellation.</summary>
    public int Sequence { get; set; }

    /// <summary>One of <see cref="MeetingStatus"/>.</summary>
    public required string Status { get; set; }

    public string? Minutes { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime? RecordedAt { get; set; }
}

/// <summary>Where a campaign meeting stands.</summary>
public static class MeetingStatus
{
    /// <summary>Planned: the invitations go out at <see cref="CampaignMeetingRecord.NoticeAt"/>; participants do not see it yet.</summary>
    public const string Planned = "planned";

    /// <summary>Invited; it can still be moved, and participants reply until the reply date.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>Over: staff tick the sign-in sheet and write the minutes.</summary>
    public const string Recording = "recording";

    /// <summary>Attendance and minutes recorded: nothing changes any more.</summary>
    public const string Recorded = "recorded";

    /// <summary>Called off with the campaign (or its branch): the participants were told.</summary>
    public const string Cancelled = "cancelled";
}
