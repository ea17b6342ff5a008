namespace Chamber.Campaigns.Lifecycle;

/// <summary>A campaign with where its participants stand, stage by stage, and the tasks of its own workflow (the plan's sign-off).</summary>
public sealed record CampaignView(string Id, string Name, int Year, string TemplateId, CampaignStatus Status, string InstanceId, string? ParticipantWorkflow,
    int Participants, int Launched, int Finished, IReadOnlyList<StageCounts> Stages, IReadOnlyList<CampaignTask> Tasks,
    IReadOnlyDictionary<string, int> Outcomes, DateTimeOffset CreatedAt, DateTimeOffset? LaunchedAt);
