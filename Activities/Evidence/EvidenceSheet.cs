using Chamber.Campaigns.Submissions;

namespace Chamber.Campaigns.Evidence;

/// <summary>What a chamber has shown for one standard it is scored on: a note, files, or nothing yet.</summary>
public sealed record EvidenceItem(string ItemId, string Area, string? AreaEn, string Title, string? TitleEn, decimal MaxScore, string? Note,
    IReadOnlyList<SubmissionFileView> Files)
{
    public bool Provided => Note is not null || Files.Count > 0;
}

/// <summary>
/// One chamber's evidence for the standards of one campaign (台账): the items reviewers score by
/// hand, each with what the chamber has shown.
/// </summary>
/// <param name="Open">Whether the chamber may still change it: not while it is being scored, nor once its part of the campaign has ended.</param>
public sealed record EvidenceSheet(string CampaignId, string Campaign, string InstanceId, string Rubric, string? RubricEn, bool Open,
    IReadOnlyList<EvidenceItem> Items)
{
    public int Provided => Items.Count(i => i.Provided);
}
