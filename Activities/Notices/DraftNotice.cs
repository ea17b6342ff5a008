using Chamber.Campaigns.Lifecycle;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Notices;

/// <summary>
/// 起草通报/表彰决定: writes the campaign's circular or commendation decision from the review results
/// as they are now — a Word document in 公文 layout among the campaign's documents, where the
/// leaders who sign it off (a <c>Chamber.SignOff</c> after this step) open it. Run again (after a
/// return), it replaces its draft. <c>Chamber.PublishNotice</c> then sends it to every participant.
/// </summary>
[Activity("Chamber.DraftNotice", "Campaign", "Drafts the campaign's circular (通报) or commendation decision (表彰决定) as a Word document from the review results.",
    DisplayName = "Draft notice")]
public sealed class DraftNotice : Activity
{
    [Input(Description = "circular (通报: how the review went) or decision (表彰决定: the units commended).", UIHint = InputUIHints.SingleLine, DefaultValue = NoticeKinds.Circular)]
    public Input<string>? Kind { get; set; }

    [Input(Description = "The title; empty: 关于…考核情况的通报 or 关于表彰…的决定.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? Title { get; set; }

    [Input(DisplayName = "Document number", Description = "发文字号, e.g. 沪工商联〔2026〕12号.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? Number { get; set; }

    [Input(Description = "发文机关: the masthead and the signature, e.g. 上海市工商业联合会.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Issuer { get; set; }

    [Input(Description = "主送机关, e.g. 各区工商联、市工商联直属商会.", UIHint = InputUIHints.SingleLine, DefaultValue = "各参与单位")]
    public Input<string>? Addressee { get; set; }

    [Input(Description = "The title the decision confers, e.g. 2026年度“四好”商会.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Honour { get; set; }

    [Output(Description = "The notice's id, for the step that publishes it.")]
    public Output<string>? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = CampaignInputs.CampaignIdOf(context, "起草通报");
        var kind = NoticeKinds.Read(context.Get(Kind), NoticeKinds.Circular);
        var request = new NoticeRequest(kind, context.Get(Title), context.Get(Number), PlainText.OneLine(context.Get(Issuer) ?? "工商联"),
            PlainText.OneLine(context.Get(Addressee) is { Length: > 0 } addressee ? addressee : "各参与单位"), PlainText.OneLine(context.Get(Honour) ?? ""));
        var notice = await context.Services.GetRequiredService<CampaignNotices>().DraftAsync(campaignId, request, context.CancellationToken);
        context.Set(Result, notice.Id);
        context.JournalMessage(ReaderText.Of($"已起草《{notice.Title}》", $"Drafted '{notice.Title}'"));
        await context.CompleteActivityAsync();
    }
}
