using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// 逐个商会: runs the participant workflow once for every chamber in the campaign and waits until
/// all of them have reached a stage (an activity of that workflow that reports progress, such as
/// the review). The children are not started here: the step asks the campaign launcher, through
/// the outbox, to start them in batches, so a campaign of 50,000 chambers never has them all in
/// memory, and a crash half-way resumes where it stopped. A federation among the participants (区县工商联)
/// may run a workflow of its own instead (<see cref="FederationWorkflowDefinitionId"/>), in which it runs
/// the campaign for its units (<see cref="Cascade.CascadeCampaign"/>).
/// </summary>
[Activity("Chamber.ForEachParticipant", "Campaign",
    "Starts the participant workflow for every chamber of the campaign, and continues when all have reached a stage.",
    DisplayName = "For each participant")]
public sealed class ForEachParticipant : Activity
{
    public const string BookmarkName = "Chamber.Participants";

    [Input(DisplayName = "Participant workflow", Description = "The definition run once per chamber (e.g. four-good-chamber).",
        UIHint = InputUIHints.WorkflowDefinitionPicker, IsRequired = true)]
    public Input<string>? WorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Continue when all reached",
        Description = "The id of an activity in the participant workflow (e.g. review); the campaign continues when every chamber has passed it.",
        UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? UntilStage { get; set; }

    [Input(DisplayName = "Federations' workflow",
        Description = "The definition run instead for the federations among the participants (区县工商联, e.g. shanghai-2017-district), which run the campaign for their own units. Empty: everyone runs the participant workflow.",
        UIHint = InputUIHints.WorkflowDefinitionPicker)]
    public Input<string>? FederationWorkflowDefinitionId { get; set; }

    [Input(DisplayName = "Federations continue when reached",
        Description = "The id of the activity in the federations' workflow the campaign waits for (e.g. district-summary). Empty: the same as the chambers'.",
        UIHint = InputUIHints.SingleLine)]
    public Input<string>? FederationUntilStage { get; set; }

    [Input(DisplayName = "Closing date",
        Description = "A business date (2026-12-31<): after that day, the participants that have not reached the stage get the outcome below, their part is stopped, and the campaign goes on. Empty: it waits for everyone.",
        UIHint = InputUIHints.SingleLine)]
    public Input<string>? ClosingDate { get; set; }

    [Input(DisplayName = "Outcome of the unfinished", Description = "not-passed (不合格) or not-participated (未参加).",
        UIHint = InputUIHints.DropDown, Options = [CampaignProgress.Outcomes.NotPassed, CampaignProgress.Outcomes.NotParticipated],
        DefaultValue = CampaignProgress.Outcomes.NotPassed)]
    public Input<string>? UnfinishedOutcome { get; set; }

    [Output(Description = "How many participants there are and how far they got (commended, rectifying, not passed).")]
    public Output<ParticipantsReached>? Result { get; set; }

    public override bool CanSuspend => true;

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = context.WorkflowInput.GetValueOrDefault(CampaignInputs.CampaignId)?.ToString();
        if (string.IsNullOrEmpty(campaignId))
            throw new InvalidOperationException(ReaderText.Of("“逐个商会”只能在活动流程中运行", "ForEachParticipant runs only in a campaign's workflow (input campaignId)."));
        var definitionId = context.Get(WorkflowDefinitionId);
        var stage = context.Get(UntilStage);
        var graph = string.IsNullOrWhiteSpace(definitionId) ? null
            : await context.Services.GetRequiredService<IWorkflowGraphSource>().GetPublishedAsync(definitionId);
        if (graph is null)
            throw new InvalidOperationException(ReaderText.Of($"商会流程“{definitionId}”不存在或未发布", $"Participant workflow '{definitionId}' is not published."));
        if (string.IsNullOrWhiteSpace(stage) || !graph.Activities.ContainsKey(stage))
            throw new InvalidOperationException(ReaderText.Of($"商会流程“{definitionId}”中没有环节“{stage}”", $"'{definitionId}' has no activity '{stage}' to wait for."));

        var (federationDefinitionId, federationStage) = await FederationsAsync(context, stage);
        context.EnqueueMessage(ParticipantLaunch.Channel, new ParticipantLaunch(campaignId, definitionId!, stage, federationDefinitionId, federationStage).ToJson(),
            $"{campaignId}: {definitionId} → {stage}", $"participants/{context.WorkflowInstanceId}/{context.Id}");
        var payload = new Dictionary<string, string> { ["stage"] = stage };
        if (federationStage is not null)
            payload["federationStage"] = federationStage;
        context.CreateBookmark(BookmarkName, campaignId, payload, OnAllReachedAsync);

        if (context.Get(ClosingDate)?.Trim() is { Length: > 0 } closing)
        {
            var outcome = context.Get(UnfinishedOutcome) is CampaignProgress.Outcomes.NotParticipated
                ? CampaignProgress.Outcomes.NotParticipated
                : CampaignProgress.Outcomes.NotPassed;
            DateOnly day;
            try
            {
                day = Calendar.BusinessDate.Parse(closing).Resolve(await Calendar.CalendarContext.GetCalendarAsync(context));
            }
            catch (Exception e) when (e is FormatException or Calendar.CalendarYearMissingException)
            {
                throw new InvalidOperationException(ReaderText.Of($"截止日期“{closing}”无法识别：{e.Message}", $"The closing date '{closing}' cannot be read: {e.Message}"), e);
            }

            // Closed when the day is over, in Beijing.
            var closes = Calendar.BeijingTime.At(day.AddDays(1), TimeOnly.MinValue);
            context.SetProperty("stage", stage);
            context.SetProperty("federationStage", federationStage);
            context.SetProperty("unfinished", outcome);
            context.CreateBookmark(ClosingBookmark, closes.ToString("O", System.Globalization.CultureInfo.InvariantCulture), callback: OnClosedAsync, dueAt: closes);
        }
    }

    /// <summary>The federations' definition and the stage awaited in it, checked as the chambers' are; none when the step names none.</summary>
    private async Task<(string? DefinitionId, string? Stage)> FederationsAsync(ActivityExecutionContext context, string chambersStage)
    {
        if (context.Get(FederationWorkflowDefinitionId)?.Trim() is not { Length: > 0 } definitionId)
            return (null, null);
        var stage = context.Get(FederationUntilStage)?.Trim() is { Length: > 0 } own ? own : chambersStage;
        var graph = await context.Services.GetRequiredService<IWorkflowGraphSource>().GetPublishedAsync(definitionId);
        if (graph is null)
            throw new InvalidOperationException(ReaderText.Of($"工商联流程“{definitionId}”不存在或未发布", $"Federations' workflow '{definitionId}' is not published."));
        if (!graph.Activities.ContainsKey(stage))
            throw new InvalidOperationException(ReaderText.Of($"工商联流程“{definitionId}”中没有环节“{stage}”", $"'{definitionId}' has no activity '{stage}' to wait for."));
        return (definitionId, stage);
    }

    private const string ClosingBookmark = "Chamber.ParticipantsClosing";

    /// <summary>
    /// The closing date has passed with participants short of the stage: they get their outcome,
    /// their workflows are stopped (by <see cref="ParticipantClosing"/>), and the campaign goes on.
    /// </summary>
    private async ValueTask OnClosedAsync(ActivityExecutionContext context)
    {
        var campaignId = CampaignInputs.CampaignIdOf(context, "逐个商会");
        var stage = new AwaitedStage(context.GetProperty<string>("stage")!, context.GetProperty<string>("federationStage"));
        var outcome = context.GetProperty<string>("unfinished") ?? CampaignProgress.Outcomes.NotPassed;
        var closing = context.Services.GetRequiredService<ParticipantClosing>();
        var unfinished = await closing.RecordUnfinishedAsync(campaignId, stage, outcome, context.CancellationToken);
        if (unfinished > 0)
        {
            context.EnqueueMessage(ClosedCampaign.Channel, new ClosedCampaign(campaignId, outcome).ToJson(), $"{campaignId}: {unfinished} → {outcome}",
                $"closed/{context.WorkflowInstanceId}/{context.Id}");
        }

        var reached = await closing.CountsAsync(campaignId, stage, context.CancellationToken);
        context.Set(Result, reached);
        context.JournalMessage(ReaderText.Of($"活动截止：{unfinished} 个参与单位未完成，记为“{(outcome == CampaignProgress.Outcomes.NotParticipated ? "未参加" : "不合格")}”",
            $"Campaign closed: {unfinished} participants unfinished, recorded as {outcome}"));
        await context.CompleteActivityAsync();
    }

    private ValueTask OnAllReachedAsync(ActivityExecutionContext context)
    {
        var reached = context.GetResumeInput<ParticipantsReached>()
            ?? throw new InvalidOperationException("The participants' wait was resumed without a count.");
        context.Set(Result, reached);
        context.JournalMessage(ReaderText.Of($"{reached.Reached}/{reached.Participants} 个商会已到达“{reached.Stage}”", $"{reached.Reached}/{reached.Participants} chambers reached '{reached.Stage}'"));
        return context.CompleteActivityAsync();
    }
}
