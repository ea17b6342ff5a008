namespace Chamber.Campaigns.Lifecycle;

public sealed record CreateCampaign(string? Name, int? Year, string? TemplateId, IReadOnlyList<string>? ParticipantIds,
    IReadOnlyList<string>? Leaders, IReadOnlyList<string>? Reviewers, IReadOnlyDictionary<string, string>? Schedule,
    IReadOnlyList<string>? PlanApprovers = null);
