namespace Chamber.Campaigns.Lifecycle;

/// <summary>An open task of the campaign's own workflow.</summary>
public sealed record CampaignTask(string Stage, string Kind, string Title, string Assignee, DateTimeOffset? DueAt);
