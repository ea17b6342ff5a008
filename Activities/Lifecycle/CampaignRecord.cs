namespace Chamber.Campaigns.Lifecycle;

/// <summary>A yearly campaign: the template's workflow, which runs a participant workflow once per participating chamber.</summary>
public sealed class CampaignRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }

    /// <summary>The campaign's workflow definition (e.g. four-good-campaign).</summary>
    public required string TemplateId { get; set; }

    /// <summary>The definition run per chamber, once the campaign's workflow has asked for it (e.g. four-good-chamber).</summary>
    public string? ParticipantWorkflow { get; set; }

    /// <summary>The participant stage the campaign's workflow waits for.</summary>
    public string? UntilStage { get; set; }

    public CampaignStatus Status { get; set; }

    /// <summary>Leaders told about overdue chambers, separated by commas.</summary>
    public string? Leaders { get; set; }

    /// <summary>Who signs off the campaign's plan before the chambers are asked (e-mail addresses and/or role:name); none: no sign-off.</summary>
    public string? PlanApprovers { get; set; }

    /// <summary>Who checks submissions (e-mail addresses and/or role:name), separated by commas.</summary>
    public string? Reviewers { get; set; }

    /// <summary>Due dates overriding the template's, as a JSON object (planDue, summaryDue, …).</summary>
    public string? Schedule { get; set; }

    /// <summary>Its template's rubric, as it was when the campaign was launched.</summary>
    public string? RubricId { get; set; }

    /// <summary>The version of its rubric the campaign was launched with: it is scored by that version, whatever is edited since.</summary>
    public int? RubricVersion { get; set; }

    /// <summary>The upper level's campaign this one runs for a federation taking part in it (a 下级活动); null for a top-level campaign.</summary>
    public string? ParentCampaignId { get; set; }

    /// <summary>
    /// The federation (a directory unit) whose campaign this is: its accounts see and run it, and
    /// its participants stand under it. Null: the top level's.
    /// </summary>
    public string? FederationId { get; set; }

    /// <summary>The definition run for the federations among the participants, when the campaign's workflow names one (e.g. shanghai-2017-district).</summary>
    public string? FederationWorkflow { get; set; }

    /// <summary>The federations' stage the campaign's workflow waits for, as <see cref="UntilStage"/> is the chambers'.</summary>
    public string? FederationUntilStage { get; set; }

    public int ParticipantCount { get; set; }
    public int LaunchedCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LaunchedAt { get; set; }

    /// <summary>When it was stopped (<see cref="CampaignStatus.Stopped"/>), and why, as the person who stopped it wrote it.</summary>
    public DateTime? StoppedAt { get; set; }

    public string? StopReason { get; set; }

    /// <summary>Who stopped it (an e-mail address); null when it stopped with its upper campaign.</summary>
    public string? StoppedBy { get; set; }

    /// <summary>Stopped, and its workflows not all cancelled yet: <see cref="Stopping.CampaignStopper"/> is on it.</summary>
    public bool StopPending { get; set; }
}
