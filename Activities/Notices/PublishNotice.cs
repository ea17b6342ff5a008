using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Mailings;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Notices;

/// <summary>
/// 印发: the signed-off circular or decision is published — every participant finds it on its
/// portal page, to read and download, and receives an e-mail saying so with its link.
/// </summary>
[Activity("Chamber.PublishNotice", "Campaign", "Publishes the drafted circular or decision to every participant: on its portal page and by e-mail.",
    DisplayName = "Publish notice")]
public sealed class PublishNotice : Activity
{
    [Input(Description = "circular or decision: the draft of this kind is published.", UIHint = InputUIHints.SingleLine, DefaultValue = NoticeKinds.Circular)]
    public Input<string>? Kind { get; set; }

    [Input(DisplayName = "Commendation letters", Description = "With a decision, each unit it names also gets its letter (where Commend left the letter for the decision).",
        DefaultValue = "false")]
    public Input<bool>? CommendationLetters { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = CampaignInputs.CampaignIdOf(context, "印发");
        var kind = NoticeKinds.Read(context.Get(Kind), NoticeKinds.Circular);
        var notices = context.Services.GetRequiredService<CampaignNotices>();
        var notice = await notices.PublishAsync(campaignId, kind, context.CancellationToken)
            ?? await notices.FindAsync(CampaignNotices.IdOf(campaignId, kind), context.CancellationToken);
        if (notice is null)
            throw new InvalidOperationException(ReaderText.Of("没有可印发的草稿：请在此之前安排“起草通报”环节", "There is no draft to publish: put a DraftNotice step before this one."));
        // The units the decision names are commended — or granted the title — now, before their letters are written.
        var recognition = notice.Kind == NoticeKinds.Decision && await HonourAsync(context, campaignId);
        // Published once; the mailings' keys keep a repeated step from writing twice.
        List<ParticipantMailing> mailings = [NoticeLetters.Mailing(notice)];
        if (notice.Kind == NoticeKinds.Decision && CommendationLetters is not null && context.Get(CommendationLetters))
            mailings.Add(NoticeLetters.Letters(notice, recognition));
        foreach (var mailing in mailings)
            context.EnqueueMessage(ParticipantMailing.Channel, mailing.ToJson(), $"{notice.Title} · {mailing.Template}", mailing.Key);
        context.JournalMessage(ReaderText.Of($"已印发《{notice.Title}》", $"Published '{notice.Title}'"));
        await context.CompleteActivityAsync();
    }

    /// <summary>
    /// The decided list becomes the outcome: its units commended, and — a recognition — granted the
    /// title for the campaign's <c>titleYears</c> (3 unless set). True when it was a recognition.
    /// </summary>
    private static async Task<bool> HonourAsync(ActivityExecutionContext context, string campaignId)
    {
        var honours = context.Services.GetRequiredService<Honours.CampaignHonours>();
        var list = await honours.PublishAsync(campaignId, context.CancellationToken) ?? await honours.ViewAsync(campaignId, context.CancellationToken);
        if (list?.Kind != Honours.HonourKinds.Recognition)
            return false;
        var years = Honours.HonourKinds.PositiveWhole(context.WorkflowInput.GetValueOrDefault(Titles.ChamberTitles.YearsKey)?.ToString())
            ?? Titles.ChamberTitles.DefaultYears;
        var granted = await context.Services.GetRequiredService<Titles.ChamberTitles>().GrantAsync(campaignId, list.Honour,
            [.. list.Entries.Where(e => e.Included).Select(e => e.ChamberId)], years, context.CancellationToken);
        context.JournalMessage(ReaderText.Of($"认定 {granted} 个单位为“{list.Honour}”", $"{granted} units recognised as '{list.Honour}'"));
        return true;
    }
}
