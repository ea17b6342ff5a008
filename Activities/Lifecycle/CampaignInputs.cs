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

    /// <summary>The campaign's rubric and the version it was launched with: its reviews score by that version.</summary>
    public const string RubricId = "rubricId";

    public const string RubricVersion = "rubricVersion";

    /// <summary>The version of <paramref name="rubricId"/> a step of this campaign scores by: the campaign's, else (outside a campaign, or another rubric) the latest.</summary>
    public static int? RubricVersionOf(Chamber.Workflows.Runtime.ActivityExecutionContext context, string rubricId) =>
        context.WorkflowInput.GetValueOrDefault(RubricId)?.ToString() == rubricId
        && int.TryParse(context.WorkflowInput.GetValueOrDefault(RubricVersion)?.ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version : null;

    /// <summary>A participant's own chamber (participant workflows only).</summary>
    public const string ChamberId = "chamberId";

    /// <summary>
    /// The campaign a step of a campaign's own workflow works for; a step placed in any other
    /// workflow faults, naming itself (<paramref name="step"/>, as the designer shows it in Chinese).
    /// </summary>
    public static string CampaignIdOf(Chamber.Workflows.Runtime.ActivityExecutionContext context, string step) =>
        context.WorkflowInput.GetValueOrDefault(CampaignId)?.ToString() is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException(Chamber.Workflows.Localization.ReaderText.Of($"“{step}”只能在活动流程中运行",
                $"{context.Activity.Type} runs only in a campaign's workflow (input campaignId)."));
}
