namespace Chamber.Campaigns.Lifecycle;

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

    /// <summary>commended, passed, rectifying, not-passed or not-participated (see <see cref="CampaignProgress.Outcomes"/>).</summary>
    public string? Outcome { get; set; }

    /// <summary>The <see cref="ProgressReport.Sequence"/> of the report last applied.</summary>
    public long? ProgressSequence { get; set; }

    /// <summary>When staff made it a demonstration unit (示范单位); null when it is not one.</summary>
    public DateTime? DemonstrationAt { get; set; }

    /// <summary>Why it was picked, as staff wrote it.</summary>
    public string? DemonstrationReason { get; set; }
}
