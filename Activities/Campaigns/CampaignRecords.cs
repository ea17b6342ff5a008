namespace Chamber.Activities.Campaigns;

public enum CampaignStatus
{
    Draft,

    /// <summary>Participants' workflows are being started, in batches, by the launcher.</summary>
    Launching,

    Running,
}

/// <summary>A yearly campaign: a template run once per participating chamber.</summary>
public sealed class CampaignRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }

    /// <summary>The per-chamber workflow definition (e.g. four-good-chamber).</summary>
    public required string TemplateId { get; set; }

    public CampaignStatus Status { get; set; }

    /// <summary>Leaders told about overdue chambers, separated by commas.</summary>
    public string? Leaders { get; set; }

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
}
