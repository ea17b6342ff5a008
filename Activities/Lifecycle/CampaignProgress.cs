using System.Globalization;
using System.Text.Json;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>A participant's instance reached a stage of its campaign (an accepted submission, a review, an outcome).</summary>
/// <param name="Stage">The reporting activity's id in the participant's definition, e.g. <c>plan</c> or <c>review</c>.</param>
/// <param name="Score">The review total, when the stage is a review.</param>
/// <param name="Outcome">commended, rectifying or not-passed, when the stage decides one.</param>
/// <param name="Sequence">
/// Orders one instance's reports: the commit they belong to, then their place in it. Two reports of
/// one step (reviewed, then commended) share a time, and on the manual clock so do different steps.
/// </param>
public sealed record ProgressReport(string CampaignId, string ChamberId, string Stage, decimal? Score, string? Outcome, DateTimeOffset At, long Sequence)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ProgressReport? FromJson(string json) => JsonSerializer.Deserialize<ProgressReport>(json, JsonSerializerOptions.Web);
}

/// <summary>
/// How a participant's workflow tells its campaign where it stands. The report is an outbox message
/// of the step that reached the stage, so it exists exactly when the step committed; the
/// <see cref="CampaignProgressRecorder"/> folds it into the participants table and resumes a parent
/// waiting for everybody to get that far. Instances not started for a campaign report nothing.
/// </summary>
public static class CampaignProgress
{
    public const string Channel = "campaign.progress";

    public static class Outcomes
    {
        public const string Commended = "commended";

        /// <summary>达标: passed the review, and waits for the campaign's decision (表彰决定) to name it or not.</summary>
        public const string Passed = "passed";
        public const string Rectifying = "rectifying";
        public const string NotPassed = "not-passed";

        /// <summary>未参加: had not taken part by the campaign's closing date (where the template says so rather than 不合格).</summary>
        public const string NotParticipated = "not-participated";
    }

    public static void Report(ActivityExecutionContext context, decimal? score = null, string? outcome = null) =>
        Report(context, context.Activity.Id, score, outcome);

    public static void Report(ActivityExecutionContext context, string stage, decimal? score = null, string? outcome = null)
    {
        if (Text(context, CampaignInputs.CampaignId) is not { } campaignId || Text(context, CampaignInputs.ChamberId) is not { } chamberId)
            return;
        var workflow = context.WorkflowExecutionContext;
        var sequence = workflow.Instance.RowVersion * 10_000 + workflow.Outbox.Count;
        var report = new ProgressReport(campaignId, chamberId, stage, score, outcome, context.Clock.GetUtcNow(), sequence);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{chamberId} → {stage}{(outcome is null ? "" : " (" + outcome + ")")}");
        // One report per activity execution: a repeated review (after rectification) reports again, a replayed slice does not.
        context.EnqueueMessage(Channel, report.ToJson(), summary, $"progress/{context.WorkflowInstanceId}/{context.Id}/{stage}");
    }

    private static string? Text(ActivityExecutionContext context, string name) =>
        context.WorkflowInput.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text ? text : null;
}
