using System.Globalization;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Outcomes;
using Chamber.Campaigns.Reviews;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Titles;

/// <summary>
/// 复核: a re-check campaign's review decides the title the unit holds — passed, it is confirmed and
/// runs on for the years given; not passed (below the pass line, or a veto), it is removed (摘牌)
/// with the reason the review gives. The unit is told either way. A unit that holds no such title
/// has nothing to re-check: the step says so and goes on.
/// </summary>
[Activity("Chamber.RecheckTitle", "Campaign", "Re-check (复核) of a title the unit holds: the review confirms it for more years, or removes it (摘牌) with the reason.",
    DisplayName = "Re-check title", Outcomes = [Confirmed, Removed, NotHeld])]
public sealed class RecheckTitle : OutcomeActivity
{
    public const string Confirmed = "Confirmed";
    public const string Removed = "Removed";
    public const string NotHeld = "Not held";

    [Input(Description = "The title re-checked, as the decision conferred it, e.g. 市级“五好”县级工商联.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Title { get; set; }

    [Input(Description = "For how many more years a confirmed title holds (to 31 December, that many years on).", DefaultValue = "3")]
    public Input<int>? Years { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var chamber = await ChamberAsync(context, context.Get(Chamber));
        var review = ReviewOf(context, Review);
        var title = PlainText.OneLine(context.Get(Title) ?? "").Trim();
        var titles = context.Services.GetRequiredService<ChamberTitles>();
        var campaignId = context.WorkflowInput.GetValueOrDefault(CampaignInputs.CampaignId)?.ToString();
        var model = Model(context, chamber, review);
        model["honour"] = title;
        if (review.Passed)
        {
            var years = Years is null ? ChamberTitles.DefaultYears : context.Get(Years);
            if (await titles.ConfirmAsync(chamber.Id, title, years, campaignId, context.CancellationToken) is not { } confirmed)
            {
                await NotHeldAsync(context, chamber.Name, title);
                return;
            }

            model["validUntil"] = CampaignMail.ChineseDate(confirmed.ValidUntil);
            model["validUntilEn"] = CampaignMail.EnglishDate(confirmed.ValidUntil);
            await CampaignMail.SendAsync(context, "title-confirmed", EmailMessage.Addresses(chamber.Email), chamber.Id, "recheck", model, chamber: chamber);
            context.JournalMessage(ReaderText.Of($"{chamber.Name} 复核通过（{review.Total} 分），“{title}”有效期至 {confirmed.ValidUntil:yyyy-MM-dd}",
                $"{chamber.Name} re-checked ({review.Total} points): '{title}' holds until {confirmed.ValidUntil:yyyy-MM-dd}"));
            CampaignProgress.Report(context, outcome: CampaignProgress.Outcomes.Passed);
            await context.CompleteActivityAsync(Confirmed);
            return;
        }

        var rubric = await context.Services.GetRequiredService<RubricCatalog>()
            .GetAsync(review.Rubric, review.RubricVersion > 0 ? review.RubricVersion : null, context.CancellationToken);
        // The reason is kept in the title's history in the notice's Chinese; the English letter has its own.
        var (reason, reasonEn) = review.Vetoes.Count > 0
            ? ($"复核存在否决情形：{string.Join("；", review.Vetoes.Select(id => rubric.Items.FirstOrDefault(i => i.Id == id)?.Title ?? id))}",
                $"a veto item applies: {string.Join("; ", review.Vetoes.Select(id => rubric.Items.FirstOrDefault(i => i.Id == id)?.TitleIn(MessageLanguage.English) ?? id))}")
            : (string.Create(CultureInfo.InvariantCulture, $"复核得分 {review.Total:0.#} 分，低于 {review.PassLine:0.#} 分的认定标准"),
                string.Create(CultureInfo.InvariantCulture, $"the re-check scored {review.Total:0.#} points, below the pass line of {review.PassLine:0.#}"));
        if (await titles.RemoveAsync(chamber.Id, title, reason, null, campaignId, context.CancellationToken) is null)
        {
            await NotHeldAsync(context, chamber.Name, title);
            return;
        }

        model["reason"] = reason;
        model["reasonEn"] = reasonEn;
        await CampaignMail.SendAsync(context, "title-removed", EmailMessage.Addresses(chamber.Email), chamber.Id, "recheck", model, chamber: chamber);
        context.JournalMessage(ReaderText.Of($"{chamber.Name} 复核未通过，撤销“{title}”称号：{reason}", $"{chamber.Name} failed the re-check: '{title}' removed ({reason})"));
        CampaignProgress.Report(context, outcome: CampaignProgress.Outcomes.NotPassed);
        await context.CompleteActivityAsync(Removed);
    }

    private static async ValueTask NotHeldAsync(ActivityExecutionContext context, string chamber, string title)
    {
        context.JournalMessage(ReaderText.Of($"{chamber} 未持有“{title}”称号，无需复核", $"{chamber} holds no '{title}': nothing to re-check"));
        // It got this far all the same: the campaign does not wait for it.
        CampaignProgress.Report(context);
        await context.CompleteActivityAsync(NotHeld);
    }
}
