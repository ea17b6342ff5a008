namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// One stage of the participant workflow: how many still have to submit (of which overdue), have
/// submitted and wait to be checked, or are past it (accepted; for a review: reviewed).
/// </summary>
public sealed record StageCounts(string Id, string Stage, DateTimeOffset? DueAt, int Pending, int Overdue, int Submitted, int Accepted);
