namespace Chamber.Campaigns.Portal;

/// <summary>A submission the chamber made, as its portal lists it: what, when, with which files, and where it stands.</summary>
/// <param name="Status">submitted (待审核), accepted (已通过) or returned (已退回): <see cref="Submissions.SubmissionStatus"/>.</param>
/// <param name="Feedback">Staff's comment when they returned it.</param>
public sealed record PortalReceipt(string ItemId, string Title, string? Campaign, int Round, DateTimeOffset SubmittedAt, IReadOnlyList<string> Files,
    string? Note, string Status, string? Feedback);
