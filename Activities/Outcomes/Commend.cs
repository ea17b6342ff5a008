using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Outcomes;

/// <summary>
/// 表彰: a chamber that passed the review joins the campaign's list of honours. Its letter
/// (特此通报表彰) goes at once, or — where the campaign's leaders decide the honours (表彰决定) — with
/// that decision once it is signed and published (<see cref="Notices.NoticeLetters"/>), so no
/// chamber reads that it is commended before the leaders have decided it.
/// </summary>
[Activity("Chamber.Commend", "Campaign", "Commends a chamber that passed the review: an entry in the list of honours, and its letter now or with the published decision.",
    DisplayName = "Commend")]
public sealed class Commend : OutcomeActivity
{
    [Input(Description = "The honour, e.g. 2026年度“四好”商会.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Honour { get; set; }

    [Input(DisplayName = "Letter now", Description = "Send the commendation letter now (true), or with the campaign's published decision (false).", DefaultValue = "true")]
    public Input<bool>? LetterNow { get; set; }

    [Output(Description = "The commendation (chamber, honour, score, date).")]
    public Output<Commendation>? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var chamber = await ChamberAsync(context, context.Get(Chamber));
        var review = ReviewOf(context, Review);
        var honour = context.Get(Honour) ?? "先进商会";
        var model = Model(context, chamber, review);
        model["honour"] = honour;
        // Left out of a definition, the letter goes now, as it always did. Where the decision decides,
        // the chamber has passed (达标) and is commended once the published decision names it.
        var now = LetterNow is null || context.Get(LetterNow);
        if (now)
            await CampaignMail.SendAsync(context, "commendation", EmailMessage.Addresses(chamber.Email), chamber.Id, "notice", model, chamber: chamber);
        context.Set(Result, new Commendation(chamber.Id, chamber.Name, honour, review.Total, CampaignMail.Today(context)));
        context.JournalMessage(now
            ? ReaderText.Of($"表彰 {chamber.Name}：{honour}（{review.Total} 分）", $"{chamber.Name} commended: {honour} ({review.Total} points)")
            : ReaderText.Of($"{chamber.Name} 达标（{review.Total} 分），待表彰决定", $"{chamber.Name} passed ({review.Total} points), for the campaign's decision"));
        CampaignProgress.Report(context, outcome: now ? CampaignProgress.Outcomes.Commended : CampaignProgress.Outcomes.Passed);
        await context.CompleteActivityAsync();
    }
}
