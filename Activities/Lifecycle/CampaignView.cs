namespace Chamber.Campaigns.Lifecycle;

/// <summary>A campaign with where its participants stand, stage by stage, and the tasks of its own workflow (the plan's sign-off).</summary>
/// <param name="FailedEmails">E-mails of the campaign given up on (a refused address, a message the server would not take): someone must look.</param>
/// <param name="LastEmailError">Why the latest of them failed.</param>
/// <param name="WorkflowFault">Why the campaign's own workflow stopped, when it faulted: the campaign is not "launching", it is stuck.</param>
/// <param name="FaultedParticipants">Participants whose workflow faulted.</param>
public sealed record CampaignView(string Id, string Name, int Year, string TemplateId, CampaignStatus Status, string InstanceId, string? ParticipantWorkflow,
    int Participants, int Launched, int Finished, IReadOnlyList<StageCounts> Stages, IReadOnlyList<CampaignTask> Tasks,
    IReadOnlyDictionary<string, int> Outcomes, DateTimeOffset CreatedAt, DateTimeOffset? LaunchedAt, int FailedEmails = 0, string? LastEmailError = null,
    string? WorkflowFault = null, int FaultedParticipants = 0)
{
    /// <summary>The template's name in the reader's language (people do not know templates by their ids).</summary>
    public string? TemplateName { get; init; }

    /// <summary>How many standards of its rubric are scored by hand: those a participant shows evidence for.</summary>
    public int ScoredItems { get; init; }

    /// <summary>The version of its rubric the campaign is scored by (the latest, before it is launched).</summary>
    public int? RubricVersion { get; init; }

    /// <summary>Whose campaign it is, when a federation's (a district's own, or its part of the city's); null for the top level's.</summary>
    public CampaignFederation? Federation { get; init; }

    /// <summary>When and why it was stopped (中止); null while it runs.</summary>
    public CampaignStop? Stop { get; init; }
}

/// <param name="Pending">Its workflows are still being cancelled.</param>
/// <param name="By">Who stopped it, by name; null when it stopped with its upper campaign.</param>
public sealed record CampaignStop(DateTimeOffset At, string Reason, bool Pending, string? By);

/// <summary>The federation a campaign belongs to, and the upper level's campaign it runs for (null when it is the federation's own).</summary>
public sealed record CampaignFederation(string Id, string Name, string? ParentCampaignId, string? ParentCampaignName);
