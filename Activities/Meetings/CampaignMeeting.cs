using System.Globalization;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Mailings;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Meetings;

/// <summary>What a campaign meeting came to: the step's output once its minutes are recorded.</summary>
public sealed record MeetingSummary(string Meeting, DateTimeOffset At, int Invited, int Attending, int Declined, int Attended, int Absent, string? Minutes);

/// <summary>
/// A meeting held once for all the campaign's participants — the federation's quarterly work
/// meeting (004: "在每季度召开的在温异地商会工作例会上，将组织各个商会进行工作交流") or 推进会. A set
/// number of working days before it, every participant is invited with an .ics of its own and
/// replies (回执) from its portal until the reply date; staff may move it until it begins; when it
/// is over, staff tick one sign-in sheet and write the minutes once. A meeting each participant holds itself (Liangping's 推进会) is
/// not this: it is a report the participant submits (a RequestSubmission).
/// </summary>
[Activity("Chamber.CampaignMeeting", "Campaign",
    "A meeting for all the campaign's participants: invitations with .ics, replies from the portal, one sign-in sheet and the minutes.",
    DisplayName = "Campaign meeting")]
public sealed class CampaignMeeting : Activity
{
    [Input(Description = "The meeting, e.g. 第二季度工作例会.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Title { get; set; }

    [Input(DisplayName = "Date", Description = "A business date: 2026-06-25, or 2026-06-25> for the next working day if that one is off.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? MeetingDate { get; set; }

    [Input(DisplayName = "Time", Description = "Beijing time, hh:mm.", UIHint = InputUIHints.SingleLine, DefaultValue = MeetingSchedule.DefaultTime)]
    public Input<string>? MeetingTime { get; set; }

    [Input(DisplayName = "Duration (minutes)", DefaultValue = "120")]
    public Input<int>? DurationMinutes { get; set; }

    [Input(Description = "Where the meeting is held.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Location { get; set; }

    [Input(Description = "Agenda or notes for the invitation.", UIHint = InputUIHints.MultiLine)]
    public Input<string>? Description { get; set; }

    [Input(Description = "A district's own meeting: only the participants of this district (as the directory names it) are invited. Empty: every participant.",
        UIHint = InputUIHints.SingleLine)]
    public Input<string>? District { get; set; }

    [Input(DisplayName = "Notice days", Description = "The invitations go out this many working days before the meeting (at once when that day has passed).", DefaultValue = "10")]
    public Input<int>? NoticeDays { get; set; }

    [Input(DisplayName = "Reply days", Description = "Participants reply (回执) until this many working days before the meeting.", DefaultValue = "3")]
    public Input<int>? ReplyDays { get; set; }

    [Input(DisplayName = "Recorded by", Description = "Who keeps the sign-in sheet and the minutes: e-mail addresses and/or roles.", UIHint = InputUIHints.MultiText, DefaultValue = "role:staff")]
    public Input<object>? Recorders { get; set; }

    [Output(Description = "Invited, replies, attendance and the minutes.")]
    public Output<MeetingSummary>? Result { get; set; }

    public override bool CanSuspend => true;

    /// <summary>Waits, until the meeting begins, for staff to move it (<c>POST /api/campaigns/{id}/meetings/{meetingId}/move</c>).</summary>
    public const string MoveBookmark = "Chamber.CampaignMeetingMove";

    private const string OverBookmark = "Chamber.CampaignMeetingOver";
    private const string NoticeBookmark = "Chamber.CampaignMeetingNotice";

    /// <summary>The hour (Beijing) invitations go out on their day, as an office sends its notices.</summary>
    private static readonly TimeOnly NoticeTime = new(9, 0);

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = CampaignInputs.CampaignIdOf(context, "活动会议");
        var calendar = await context.GetCalendarAsync();
        var start = MeetingSchedule.Start(context.Get(MeetingDate), context.Get(MeetingTime), calendar);
        var minutes = context.Get(DurationMinutes) is var duration and > 0 ? duration : 120;
        var notice = Later(NoticeAt(calendar, start, context.Get(NoticeDays)), context.Clock.GetUtcNow());
        var meeting = new CampaignMeetingRecord
        {
            Id = CampaignMeetings.IdOf(campaignId, Id),
            CampaignId = campaignId,
            InstanceId = context.WorkflowInstanceId,
            ActivityId = Id,
            Title = PlainText.OneLine(context.Get(Title) ?? "工作例会"),
            StartsAt = start.UtcDateTime,
            EndsAt = start.AddMinutes(minutes).UtcDateTime,
            Location = PlainText.OneLine(context.Get(Location) ?? ""),
            Description = context.Get(Description),
            District = string.IsNullOrWhiteSpace(context.Get(District)) ? null : context.Get(District)!.Trim(),
            NoticeAt = notice.UtcDateTime,
            ReplyDue = ReplyDue(calendar, start, context.Get(ReplyDays), notice),
            Sequence = 0,
            Status = MeetingStatus.Planned,
        };
        if (start <= context.Clock.GetUtcNow())
        {
            // Its day had passed before the campaign reached it (launched late in the year): nobody is invited to a meeting in the past.
            meeting.Status = MeetingStatus.Cancelled;
            await context.Services.GetRequiredService<CampaignMeetings>().SaveAsync(meeting, context.CancellationToken);
            context.Set(Result, new MeetingSummary(meeting.Title, start, 0, 0, 0, 0, 0, null));
            context.JournalMessage(ReaderText.Of($"{meeting.Title}：会议时间 {Beijing(meeting.StartsAt)} 已过，未发通知", $"{meeting.Title}: {Beijing(meeting.StartsAt)} has passed; nobody was invited"));
            await context.CompleteActivityAsync();
            return;
        }

        InviteIfDue(context, meeting);
        await context.Services.GetRequiredService<CampaignMeetings>().SaveAsync(meeting, context.CancellationToken);
        context.SetProperty("meeting", meeting.Id);
        context.SetProperty("noticeDays", context.Get(NoticeDays));
        context.SetProperty("replyDays", context.Get(ReplyDays));
        context.SetProperty("recorders", UserTasks.AssigneeTags(context.Get(Recorders) ?? "role:staff", "记录人"));
        Schedule(context, meeting);
        context.JournalMessage(ReaderText.Of(
            $"{meeting.Title}：{Beijing(meeting.StartsAt)} {meeting.Location}，{Beijing(meeting.NoticeAt)} 发出通知，回执截止 {meeting.ReplyDue:yyyy-MM-dd}",
            $"{meeting.Title}: {Beijing(meeting.StartsAt)} at {meeting.Location}; invitations {Beijing(meeting.NoticeAt)}, replies until {meeting.ReplyDue:yyyy-MM-dd}"));
    }

    /// <summary>When the invitations go out: 09:00 on the working day <paramref name="days"/> working days before the meeting's day (default 10).</summary>
    public static DateTimeOffset NoticeAt(ChineseBusinessCalendar calendar, DateTimeOffset start, int days)
    {
        var day = calendar.AddWorkingDays(BeijingTime.DayOf(start), -Math.Clamp(days <= 0 ? 10 : days, 1, 60));
        return BeijingTime.At(day, NoticeTime);
    }

    /// <summary>The last day to reply: <paramref name="days"/> working days before the meeting's day (default 3), never before the invitations' day.</summary>
    public static DateOnly ReplyDue(ChineseBusinessCalendar calendar, DateTimeOffset start, int days, DateTimeOffset notice)
    {
        var due = calendar.AddWorkingDays(BeijingTime.DayOf(start), -Math.Clamp(days <= 0 ? 3 : days, 1, 30));
        var noticeDay = BeijingTime.DayOf(notice);
        return due < noticeDay ? noticeDay : due;
    }

    /// <summary>The mailing of this meeting's news to all participants, sent by <see cref="ParticipantMailer"/> in batches.</summary>
    private static void Announce(ActivityExecutionContext context, CampaignMeetingRecord meeting, string template)
    {
        var mailing = MeetingLetters.Mailing(meeting, template);
        context.EnqueueMessage(ParticipantMailing.Channel, mailing.ToJson(), $"{meeting.Title} · {template}", mailing.Key);
    }

    private void Schedule(ActivityExecutionContext context, CampaignMeetingRecord meeting)
    {
        if (meeting.Status == MeetingStatus.Planned)
        {
            var notice = new DateTimeOffset(DateTime.SpecifyKind(meeting.NoticeAt, DateTimeKind.Utc));
            context.CreateBookmark(NoticeBookmark, key: notice.ToString("O", CultureInfo.InvariantCulture), callback: OnNoticeAsync, dueAt: notice);
        }

        var end = new DateTimeOffset(DateTime.SpecifyKind(meeting.EndsAt, DateTimeKind.Utc));
        context.CreateBookmark(OverBookmark, key: end.ToString("O", CultureInfo.InvariantCulture), callback: OnOverAsync, dueAt: end);
        // The move endpoint lets it be moved only until it begins; after that, the sign-in sheet is what changes.
        context.CreateBookmark(MoveBookmark, key: meeting.Id, callback: OnMovedAsync);
    }

    /// <summary>
    /// Invites at once when the notice day has come (a meeting soon after its step, or moved close):
    /// the invitation is not left to a timer that, on a manual clock, waits for the next advance.
    /// </summary>
    private static void InviteIfDue(ActivityExecutionContext context, CampaignMeetingRecord meeting)
    {
        if (meeting.Status != MeetingStatus.Planned || meeting.NoticeAt > context.Clock.GetUtcNow().UtcDateTime)
            return;
        meeting.Status = MeetingStatus.Scheduled;
        Announce(context, meeting, MeetingLetters.Invitation);
    }

    /// <summary>The notice day: every participant is invited.</summary>
    private async ValueTask OnNoticeAsync(ActivityExecutionContext context)
    {
        var meetings = context.Services.GetRequiredService<CampaignMeetings>();
        var meeting = await meetings.FindAsync(context.GetProperty<string>("meeting")!, context.CancellationToken)
            ?? throw new InvalidOperationException("The meeting of this step is gone.");
        meeting.Status = MeetingStatus.Scheduled;
        await meetings.SaveAsync(meeting, context.CancellationToken);
        Announce(context, meeting, MeetingLetters.Invitation);
        context.JournalMessage(ReaderText.Of($"{meeting.Title}：已通知全部参与单位", $"{meeting.Title}: every participant invited"));
    }

    /// <summary>Staff moved the meeting: everyone gets the update of the same invitation, and replies are open until the new reply date.</summary>
    private async ValueTask OnMovedAsync(ActivityExecutionContext context)
    {
        var move = context.GetResumeInput<MeetingMove>() ?? throw new InvalidOperationException("A meeting was moved without a new date.");
        var meetings = context.Services.GetRequiredService<CampaignMeetings>();
        var meeting = await meetings.FindAsync(context.GetProperty<string>("meeting")!, context.CancellationToken)
            ?? throw new InvalidOperationException("The meeting of this step is gone.");
        var calendar = await context.GetCalendarAsync();
        var start = MeetingSchedule.Start(move.Date, move.Time, calendar);
        var length = meeting.EndsAt - meeting.StartsAt;
        meeting.StartsAt = start.UtcDateTime;
        meeting.EndsAt = start.UtcDateTime + length;
        meeting.Location = string.IsNullOrWhiteSpace(move.Location) ? meeting.Location : PlainText.OneLine(move.Location.Trim());
        var invited = meeting.Status != MeetingStatus.Planned;
        // Once invited, the participants keep their invitation's day; only a planned meeting's notice moves with it.
        var notice = invited
            ? new DateTimeOffset(DateTime.SpecifyKind(meeting.NoticeAt, DateTimeKind.Utc))
            : Later(NoticeAt(calendar, start, context.GetProperty<int>("noticeDays")), context.Clock.GetUtcNow());
        meeting.NoticeAt = notice.UtcDateTime;
        meeting.ReplyDue = ReplyDue(calendar, start, context.GetProperty<int>("replyDays"), notice);
        if (invited)
            meeting.Sequence++;
        else
            InviteIfDue(context, meeting);
        await meetings.SaveAsync(meeting, context.CancellationToken);
        context.WorkflowExecutionContext.Bookmarks.RemoveAll(b => b.ContextId == context.Id && (b.Name == OverBookmark || b.Name == MoveBookmark || b.Name == NoticeBookmark));
        if (invited)
            Announce(context, meeting, MeetingLetters.Moved);
        Schedule(context, meeting);
        context.JournalMessage($"{meeting.Title} → {Beijing(meeting.StartsAt)} {meeting.Location}");
    }

    /// <summary>Called off before it was held (the campaign or this branch was stopped): everyone invited is told, and the entry leaves their calendars.</summary>
    public override void OnCancelled(ActivityExecutionContext context)
    {
        var pending = context.WorkflowExecutionContext.Bookmarks.Any(b => b.ContextId == context.Id && b.Name == MoveBookmark);
        if (!pending || context.GetProperty<string>("meeting") is not { } meetingId)
            return;
        // The mailer marks it cancelled and takes the sequence after the last one sent.
        var mailing = MeetingLetters.Cancellation(meetingId);
        context.EnqueueMessage(ParticipantMailing.Channel, mailing.ToJson(), $"{meetingId} · {MeetingLetters.Cancelled}", mailing.Key);
    }

    /// <summary>Over: it can no longer be moved; the recorders are asked for the sign-in sheet and the minutes.</summary>
    private async ValueTask OnOverAsync(ActivityExecutionContext context)
    {
        context.WorkflowExecutionContext.Bookmarks.RemoveAll(b => b.ContextId == context.Id && b.Name == MoveBookmark);
        var meetingId = context.GetProperty<string>("meeting")!;
        var meetings = context.Services.GetRequiredService<CampaignMeetings>();
        await meetings.SetStatusAsync(meetingId, MeetingStatus.Recording, cancellationToken: context.CancellationToken);
        var meeting = await meetings.FindAsync(meetingId, context.CancellationToken);
        var title = meeting?.Title ?? meetingId;
        foreach (var recorder in context.GetProperty<List<string>>("recorders") ?? ["role:staff"])
        {
            var payload = new TaskPayload(TaskKinds.MeetingSheet, ReaderText.Of($"签到与纪要：{title}", $"Sign-in and minutes: {title}"), recorder, [TaskActions.Recorded],
                Description: ReaderText.Of("在签到表上记录各单位出席情况，并填写会议纪要", "Tick who attended on the sign-in sheet, then write the minutes."),
                Context: new Dictionary<string, string> { ["campaignId"] = meeting?.CampaignId ?? "", ["meetingId"] = meetingId, ["meeting"] = title });
            context.CreateBookmark(UserTasks.BookmarkName, Guid.CreateVersion7().ToString("N"), payload, OnRecordedAsync, tag: recorder);
        }
    }

    private async ValueTask OnRecordedAsync(ActivityExecutionContext context)
    {
        var decision = context.GetResumeInput<TaskDecision>() ?? throw new InvalidOperationException("A meeting record was resumed without an answer.");
        var meetingId = context.GetProperty<string>("meeting")!;
        var meetings = context.Services.GetRequiredService<CampaignMeetings>();
        var minutes = decision.Comment?.Trim();
        await meetings.SetStatusAsync(meetingId, MeetingStatus.Recorded, minutes, decision.By, context.CancellationToken);
        var view = await meetings.ViewAsync(meetingId, context.CancellationToken) ?? throw new InvalidOperationException("The meeting of this step is gone.");
        context.Set(Result, new MeetingSummary(view.Title, view.Start, view.Invited, view.Attending, view.Declined, view.Attended, view.Absent, minutes));
        context.JournalMessage(ReaderText.Of($"{view.Title}：应到 {view.Invited}，回执参加 {view.Attending}，实到 {view.Attended}，缺席 {view.Absent}",
            $"{view.Title}: {view.Invited} invited, {view.Attending} replied attending, {view.Attended} attended, {view.Absent} absent"));
        await context.CompleteActivityAsync();
    }

    /// <summary>A notice day already past means now: replies are then due no earlier than today.</summary>
    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Beijing(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(BeijingTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
