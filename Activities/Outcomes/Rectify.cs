using System.Globalization;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Reviews;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Outcomes;

/// <summary>
/// 限期整改: orders a chamber that failed the review to rectify the failed items by a deadline
/// (default 30 days, moved to the next working day), counting rounds in a workflow variable; the
/// flowchart then asks for the rectification report and reviews again. When the rounds are used
/// up the chamber is told it has not passed, and the outcome is <see cref="Exhausted"/>. A veto
/// (一票否决) is not rectified: the chamber is told at once that it has not passed this year
/// (<see cref="Disqualified"/>).
/// </summary>
[Activity("Chamber.Rectify", "Campaign", "Orders rectification of the failed items by a deadline, up to N rounds; then reports the final failure. A veto disqualifies at once.",
    DisplayName = "Rectify", Outcomes = [Ordered, Exhausted, Disqualified])]
public sealed class Rectify : OutcomeActivity
{
    public const string Ordered = "Ordered";
    public const string Exhausted = "Exhausted";

    /// <summary>A veto (一票否决) was found: not passed this year, with no rectification.</summary>
    public const string Disqualified = "Disqualified";

    [Input(DisplayName = "Days to rectify", Description = "Calendar days from the order to the deadline (moved to the next working day if off).", DefaultValue = "30")]
    public Input<int>? DeadlineDays { get; set; }

    [Input(DisplayName = "Rounds", Description = "At most this many rectification rounds.", DefaultValue = "2")]
    public Input<int>? MaxRounds { get; set; }

    [Input(DisplayName = "Rounds so far", Description = "The rounds ordered before (bind to a workflow variable, and Round to the same one).")]
    public Input<int>? RoundsSoFar { get; set; }

    [Output(Description = "This round's number.")]
    public Output<int>? Round { get; set; }

    [Output(Description = "The deadline as a business date (yyyy-MM-dd), for the report's request.")]
    public Output<string>? Deadline { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var chamber = await ChamberAsync(context, context.Get(Chamber));
        var review = ReviewOf(context, Review);
        var maxRounds = context.Get(MaxRounds) is var max and > 0 ? max : 2;
        var round = context.Get(RoundsSoFar) + 1;
        var model = Model(context, chamber, review);
        model["maxRounds"] = maxRounds;
        context.Set(Round, round);
        var rubric = await context.Services.GetRequiredService<RubricCatalog>()
            .GetAsync(review.Rubric, review.RubricVersion > 0 ? review.RubricVersion : null, context.CancellationToken);
        // The chamber's language: the notice's Chinese, or the rubric's English.
        var language = MessageLanguage.Of(chamber.Language);
        if (review.Vetoes.Count > 0)
        {
            // A veto is not a shortfall that rectification can make good: it disqualifies.
            model["items"] = review.Vetoes.Select(id => rubric.Items.FirstOrDefault(i => i.Id == id)?.TitleIn(language) ?? id).ToList();
            await CampaignMail.SendAsync(context, "review-vetoed", EmailMessage.Addresses(chamber.Email), chamber.Id, "veto", model, chamber: chamber);
            context.JournalMessage(ReaderText.Of($"{chamber.Name} 存在一票否决情形，不予整改，本年度不合格", $"{chamber.Name} has a veto item: not passed this year, no rectification"));
            CampaignProgress.Report(context, outcome: CampaignProgress.Outcomes.NotPassed);
            await context.CompleteActivityAsync(Disqualified);
            return;
        }

        if (round > maxRounds)
        {
            await CampaignMail.SendAsync(context, "rectification-failed", EmailMessage.Addresses(chamber.Email), chamber.Id, "final", model, chamber: chamber);
            context.JournalMessage(ReaderText.Of($"{chamber.Name} 经 {maxRounds} 轮整改仍未达标", $"{chamber.Name} not passed after {maxRounds} rounds"));
            CampaignProgress.Report(context, outcome: CampaignProgress.Outcomes.NotPassed);
            await context.CompleteActivityAsync(Exhausted);
            return;
        }

        var calendar = await context.GetCalendarAsync();
        var today = CampaignMail.Today(context);
        var deadline = calendar.NextWorkingDay(today.AddDays(context.Get(DeadlineDays) is var days and > 0 ? days : 30));
        foreach (var (key, value) in CampaignMail.DueFields(calendar, today, deadline))
            model[key] = value;
        model["round"] = round;
        // The standards failed, as the chamber reads its mail.
        model["items"] = review.FailedItems.Select(id => rubric.Items.FirstOrDefault(i => i.Id == id)?.TitleIn(language) ?? id).ToList();
        await CampaignMail.SendAsync(context, "rectification-order", EmailMessage.Addresses(chamber.Email), chamber.Id, $"round{round}", model, chamber: chamber);
        context.Set(Deadline, deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        context.JournalMessage(ReaderText.Of($"限期整改 {chamber.Name}：第 {round} 轮，{deadline:yyyy-MM-dd} 前", $"Rectification of {chamber.Name}: round {round}, by {deadline:yyyy-MM-dd}"));
        CampaignProgress.Report(context, outcome: CampaignProgress.Outcomes.Rectifying);
        await context.CompleteActivityAsync(Ordered);
    }
}
