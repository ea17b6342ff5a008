namespace Chamber.Campaigns.Portal;

/// <summary>Something a chamber is asked to hand in, as its portal page shows it.</summary>
/// <param name="Feedback">Staff's comment when they returned an earlier submission.</param>
/// <param name="WorkingDaysLeft">Working days to the deadline, as the e-mails count them; negative when overdue by that many; null without a calendar for the year.</param>
public sealed record PortalItem(string Id, string Title, string? Description, DateTimeOffset? DueAt, int Round, string? Feedback, string? Campaign,
    int? WorkingDaysLeft);
