using System.Globalization;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Lifecycle;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Notices;

/// <summary>
/// 公示: the drafted notice (the list of those to be commended) is shown on every participant's
/// portal page for a number of working days, and each may raise an objection (异议) there, which
/// staff answer on the campaign page. The flowchart goes on — to the leaders' sign-off — when the
/// period is over.
/// </summary>
[Activity("Chamber.PublicityPeriod", "Campaign", "Shows the drafted notice to every participant for some working days (公示), taking objections that staff answer.",
    DisplayName = "Publicity period")]
public sealed class PublicityPeriod : Activity
{
    [Input(Description = "circular or decision: the draft of this kind is shown.", UIHint = InputUIHints.SingleLine, DefaultValue = NoticeKinds.Decision)]
    public Input<string>? Kind { get; set; }

    [Input(DisplayName = "Working days", Description = "How long it is shown, in working days from today (default 5).", DefaultValue = "5")]
    public Input<int>? WorkingDays { get; set; }

    public override bool CanSuspend => true;

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = CampaignInputs.CampaignIdOf(context, "公示");
        var kind = NoticeKinds.Read(context.Get(Kind), NoticeKinds.Decision);
        var calendar = await context.GetCalendarAsync();
        var until = calendar.AddWorkingDays(BeijingTime.Today(context.Clock), Math.Clamp(context.Get(WorkingDays) is var days and > 0 ? days : 5, 1, 30));
        var notice = await context.Services.GetRequiredService<CampaignNotices>().StartPublicityAsync(campaignId, kind, until, context.CancellationToken)
            ?? throw new InvalidOperationException(ReaderText.Of("没有可公示的草稿：请在此之前安排“起草通报”环节", "There is no draft to show: put a DraftNotice step before this one."));
        // Over when its last day is.
        var ends = BeijingTime.At(until.AddDays(1), TimeOnly.MinValue);
        context.CreateBookmark("Chamber.PublicityOver", ends.ToString("O", CultureInfo.InvariantCulture), callback: OnOverAsync, dueAt: ends);
        context.JournalMessage(ReaderText.Of($"《{notice.Title}》公示至 {until:yyyy-MM-dd}", $"'{notice.Title}' shown until {until:yyyy-MM-dd}"));
    }

    private async ValueTask OnOverAsync(ActivityExecutionContext context)
    {
        context.JournalMessage(ReaderText.Of("公示期满", "The publicity period is over"));
        await context.CompleteActivityAsync();
    }
}
