namespace Chamber.Activities.Campaigns;

public enum CampaignStatus
{
    Draft,

    /// <summary>
    /// The campaign's workflow runs (plan sign-off, then <see cref="ForEachParticipant"/>) and its
    /// participants' workflows are still being started, in batches, by the launcher.
    /// </summary>
    Launching,

    /// <summary>Every participant's workflow has been started.</summary>
    Running,
}

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

    public int ParticipantCount { get; set; }
    public int LaunchedCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LaunchedAt { get; set; }
}

/// <summary>One chamber in a campaign, and the workflow instance that runs its part.</summary>
public sealed class CampaignParticipantRecord
{
    public required string CampaignId { get; set; }
    public required string ChamberId { get; set; }

    /// <summary>Derived from campaign and chamber, so a launch repeated after a crash starts nobody twice.</summary>
    public required string InstanceId { get; set; }

    public bool Launched { get; set; }

    /// <summary>The last stage the participant reported (an activity id of the participant workflow).</summary>
    public string? Stage { get; set; }

    /// <summary>The latest review total.</summary>
    public double? Score { get; set; }

    /// <summary>commended, rectifying or not-passed (see <see cref="CampaignProgress.Outcomes"/>).</summary>
    public string? Outcome { get; set; }

    /// <summary>The <see cref="ProgressReport.Sequence"/> of the report last applied.</summary>
    public long? ProgressSequence { get; set; }
}

/// <summary>A participant reached a stage; counting these rows answers "have all got this far".</summary>
public sealed class CampaignStageRecord
{
    public required string CampaignId { get; set; }
    public required string Stage { get; set; }
    public required string ChamberId { get; set; }
    public DateTime ReachedAt { get; set; }
}
