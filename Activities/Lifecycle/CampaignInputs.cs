namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// The workflow inputs every instance of a campaign gets (<see cref="CampaignLauncher.InputOf"/>):
/// templates read them with <c>getInput('campaignName')</c>, activities through these names. The
/// campaign's schedule overrides (planDue, summaryDue, …) are added under their own names.
/// </summary>
public static class CampaignInputs
{
    public const string CampaignId = "campaignId";
    public const string CampaignName = "campaignName";
    public const string Year = "year";
    public const string Leaders = "leaders";
    public const string Reviewers = "reviewers";
    public const string PlanApprovers = "planApprovers";

    /// <summary>A participant's own chamber (participant workflows only).</summary>
    public const string ChamberId = "chamberId";
}
