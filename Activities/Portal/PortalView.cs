namespace Chamber.Campaigns.Portal;

/// <summary>A chamber's portal page: its open items and what an upload may contain.</summary>
/// <param name="Now">The application's time, which deadlines are measured against (the manual clock in a rehearsal).</param>
/// <param name="Sent">What the chamber has handed in so far, newest first (a receipt for each).</param>
/// <param name="MailLanguage">The language its e-mails are written in (<see cref="Email.MessageLanguage"/>), which the chamber may change here.</param>
/// <param name="Meetings">The meetings of its campaigns it is invited to, with its 回执.</param>
/// <param name="Notices">The circulars and decisions its campaigns have published, newest first.</param>
public sealed record PortalView(string Chamber, IReadOnlyList<PortalItem> Items, IReadOnlyList<string> AllowedFileTypes, long MaxFileBytes, int MaxFiles,
    DateTimeOffset Now, IReadOnlyList<PortalReceipt> Sent, string MailLanguage, IReadOnlyList<Meetings.PortalMeeting> Meetings,
    IReadOnlyList<Notices.PortalNotice> Notices)
{
    /// <summary>Its campaigns that were stopped, newest first: why its items there are gone.</summary>
    public IReadOnlyList<PortalStoppedCampaign> Stopped { get; init; } = [];
}
