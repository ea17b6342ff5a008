namespace Chamber.Campaigns.Meetings;

/// <summary>Settings for meeting invitations (section <c>Meetings</c>).</summary>
public sealed class MeetingOptions
{
    /// <summary>
    /// Who invites ("工商联会员部 &lt;member@fic.example&gt;"): calendars send the chambers' replies
    /// there. Unset, the e-mail sender (<c>Email:From</c>) is the organizer.
    /// </summary>
    public string? Organizer { get; set; }
}
