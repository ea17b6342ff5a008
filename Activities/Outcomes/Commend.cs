using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Outcomes;

/// <summary>表彰: tells a chamber that passed the review it is commended, and adds it to the campaign's list of honours.</summary>
[Activity("Chamber.Commend", "Campaign", "Commends a chamber that passed the review: a notice by e-mail and an entry in the list of honours.",
    DisplayName = "Commend")]
public sealed class Commend : OutcomeActivity
{
    [Input(Description = "The honour, e.g. 2026年度“四好”商会.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Honour { get; set; }

    [Output(Description = "The commendation (chamber, honour, score, date).")]
    public Output<Commendation>? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var chamber = await ChamberAsync(context, context.Get(Chamber));
        var review = ReviewOf(context, Review);
        var honour = context.Get(Honour) ?? "先进商会";
        var model = Model(context, chamber, review);
        model["honour"] = honour;
        await CampaignMail.SendAsync(context, "commendation", EmailMessage.Addresses(chamber.Email), chamber.Id, "notice", model, chamber: chamber);
        context.Set(Result, new Commendation(chamber.Id, chamber.Name, honour, review.Total, CampaignMail.Today(context)));
        context.JournalMessage(ReaderText.Of($"表彰 {chamber.Name}：{honour}（{review.Total} 分）", $"{chamber.Name} commended: {honour} ({review.Total} points)"));
        CampaignProgress.Report(context, outcome: CampaignProgress.Outcomes.Commended);
        await context.CompleteActivityAsync();
    }
}
