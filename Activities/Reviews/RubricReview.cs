using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Reviews;

/// <summary>
/// Review against a rubric (督查考核): every reviewer scores each item; the scores are averaged,
/// measurable items are computed from the chamber's figures, and any veto fails the chamber
/// whatever its total. An item scored below 60 % of its points, or an indicator not met, is listed
/// as failed — what a rectification order names.
/// </summary>
[Activity("Chamber.RubricReview", "Campaign", "Reviewers score a chamber against a rubric; total, pass line, veto items and computed indicators.",
    DisplayName = "Rubric review", Outcomes = [Passed, Failed])]
public sealed class RubricReview : Activity
{
    public const string Passed = "Passed";
    public const string Failed = "Failed";

    /// <summary>Below this share of its points an item counts as failed.</summary>
    public const decimal ItemPassShare = 0.6m;

    [Input(Description = "The rubric's id (four-good, five-good, …).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Rubric { get; set; }

    [Input(Description = "The chamber reviewed (its id in the directory).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Chamber { get; set; }

    [Input(Description = "Reviewers: e-mail addresses and/or roles; each scores.", UIHint = InputUIHints.MultiText, IsRequired = true)]
    public Input<object>? Reviewers { get; set; }

    [Output(Description = "Total, pass or fail, vetoes, per-item results and the failed items.")]
    public Output<ReviewResult>? Result { get; set; }

    public override bool CanSuspend => true;

    private sealed record State(string Rubric, string ChamberId, string ChamberName, List<string> Pending, List<TaskDecision> Answers, int Version = 0);

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        // The campaign's version of the rubric; outside a campaign, the latest.
        var rubricId = context.Get(Rubric) ?? "";
        var rubric = await context.Services.GetRequiredService<RubricCatalog>()
            .GetAsync(rubricId, Lifecycle.CampaignInputs.RubricVersionOf(context, rubricId), context.CancellationToken);
        var chamberId = context.Get(Chamber) ?? "";
        var chamber = await context.Services.GetRequiredService<ChamberDirectory>().GetRequiredAsync(chamberId);
        var reviewers = UserTasks.AssigneeTags(context.Get(Reviewers), "考核人");
        if (reviewers.Count == 0)
            throw new InvalidOperationException(ReaderText.Of("没有考核人", "The review has no reviewers."));

        var pending = new List<string>();
        foreach (var reviewer in reviewers)
        {
            var taskId = Guid.CreateVersion7().ToString("N");
            var payload = new TaskPayload(TaskKinds.RubricReview, $"考核：{chamber.Name}（{rubric.Name}）", reviewer, [TaskActions.Score],
                Context: new Dictionary<string, string>
                {
                    ["rubric"] = rubric.Id, ["rubricVersion"] = rubric.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["chamber"] = chamber.Name, ["chamberId"] = chamber.Id,
                });
            context.CreateBookmark(UserTasks.BookmarkName, taskId, payload, OnScoredAsync, tag: reviewer);
            pending.Add(taskId);
        }

        context.SetProperty("state", new State(rubric.Id, chamber.Id, chamber.Name, pending, [], rubric.Version));
    }

    private async ValueTask OnScoredAsync(ActivityExecutionContext context)
    {
        var answer = context.GetResumeInput<TaskDecision>() ?? throw new InvalidOperationException("A review was resumed without scores.");
        var state = context.GetProperty<State>("state")!;
        if (!state.Pending.Remove(answer.TaskId))
            throw new InvalidOperationException($"Task {answer.TaskId} is not pending in this review.");
        state.Answers.Add(answer);
        context.SetProperty("state", state);
        context.JournalMessage(ReaderText.Of($"{answer.ByName ?? answer.By} 已评分", $"{answer.ByName ?? answer.By} scored"));
        if (state.Pending.Count > 0)
            return;

        var chamber = await context.Services.GetRequiredService<ChamberDirectory>().FindAsync(state.ChamberId);
        // A review begun before versions were kept (Version 0) scores by the latest.
        var rubric = await context.Services.GetRequiredService<RubricCatalog>()
            .GetAsync(state.Rubric, state.Version > 0 ? state.Version : null, context.CancellationToken);
        // The figures of the campaign's year: the unit's confirmed 台账 over the directory's.
        var year = int.TryParse(context.WorkflowInput.GetValueOrDefault(Lifecycle.CampaignInputs.Year)?.ToString(), out var given) ? given
            : BeijingTime.Today(context.Clock).Year;
        var figures = chamber is null ? null
            : await context.Services.GetRequiredService<Ledgers.ChamberLedgers>().FiguresAsync(chamber, year, context.CancellationToken);
        var result = Score(rubric, figures, state.Answers);
        context.Set(Result, result);
        context.JournalMessage($"{state.ChamberName}: {result.Total}/{result.PassLine} {(result.Passed ? ReaderText.Of("通过", "passed") : ReaderText.Of("未通过", "failed"))}");
        Lifecycle.CampaignProgress.Report(context, result.Total);
        await context.CompleteActivityAsync(result.Passed ? Passed : Failed);
    }

    /// <summary>Averages the reviewers' scores, computes the indicators, applies vetoes and the pass line.</summary>
    internal static ReviewResult Score(Rubric rubric, ChamberRecord? chamber, IReadOnlyList<TaskDecision> answers) =>
        Score(rubric, chamber is null ? null : Ledgers.ChamberFigures.Of(chamber), answers);

    internal static ReviewResult Score(Rubric rubric, Ledgers.ChamberFigures? chamber, IReadOnlyList<TaskDecision> answers)
    {
        var items = new List<ItemResult>();
        foreach (var item in rubric.Items.Where(i => !i.Veto))
        {
            if (item.Indicator is { } indicator)
            {
                var evaluated = chamber is null ? null : indicator.Evaluate(chamber);
                items.Add(evaluated is { } value
                    ? new ItemResult(item.Id, item.Area, item.Title, value.Met ? item.MaxScore : 0, item.MaxScore, value.Met, $"{value.Value:P1}")
                    : new ItemResult(item.Id, item.Area, item.Title, 0, item.MaxScore, false, ReaderText.Of("缺少数据", "figures missing")));
                continue;
            }

            var score = Math.Round(answers.Average(a => a.Scores?.GetValueOrDefault(item.Id) ?? 0), 1);
            items.Add(new ItemResult(item.Id, item.Area, item.Title, score, item.MaxScore, score >= item.MaxScore * ItemPassShare));
        }

        var vetoes = answers.SelectMany(a => a.Vetoes ?? []).Distinct().ToList();
        var total = items.Sum(i => i.Score);
        return new ReviewResult(rubric.Id, total, rubric.PassLine, vetoes.Count == 0 && total >= rubric.PassLine, vetoes, items,
            [.. items.Where(i => !i.Passed).Select(i => i.Id), .. vetoes], answers.Count) { RubricVersion = rubric.Version };
    }
}
