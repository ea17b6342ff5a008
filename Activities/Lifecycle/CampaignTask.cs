namespace Chamber.Campaigns.Lifecycle;

/// <summary>An open task of the campaign's own workflow; <paramref name="AssigneeName"/> is how people know the assignee (a person's name, a role's label).</summary>
public sealed record CampaignTask(string Stage, string Kind, string Title, string Assignee, string AssigneeName, DateTimeOffset? DueAt);
