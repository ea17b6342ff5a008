using System.Globalization;
using System.Text;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Meetings;

/// <summary>What was recorded of a chamber at a meeting.</summary>
public sealed record MeetingRecord(string Meeting, DateTimeOffset At, bool Attended, string? Minutes, string RecordedBy);

/// <summary>
/// A progress meeting (推进会/工作例会): the chamber is invited by e-mail with an <c>.ics</c>
/// attachment; when the meeting is over, staff record whether it attended and the minutes.
/// Progress reports due before the meeting are a RequestSubmission ahead of it in the flowchart.
/// </summary>
[Activity("Chamber.ProgressMeeting", "Campaign", "A progress meeting: invitation with an .ics attachment, then attendance and minutes recorded by staff.",
    DisplayName = "Progress meeting")]
public sealed class ProgressMeeting : Activity
{
    [Input(Description = "The meeting, e.g. 第二季度推进会.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Title { get; set; }

    [Input(Description = "The chamber invited (its id in the directory).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Chamber { get; set; }

    [Input(DisplayName = "Campaign", Description = "The campaign's name for the invitation.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? CampaignName { get; set; }

    [Input(DisplayName = "Date", Description = "A business date: 2026-06-25, or 2026-06-25> for the next working day if that one is off.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? MeetingDate { get; set; }

    [Input(DisplayName = "Time", Description = "Beijing time, hh:mm.", UIHint = InputUIHints.SingleLine, DefaultValue = "14:30")]
    public Input<string>? MeetingTime { get; set; }

    [Input(DisplayName = "Duration (minutes)", DefaultValue = "120")]
    public Input<int>? DurationMinutes { get; set; }

    [Input(Description = "Where the meeting is held.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Location { get; set; }

    [Input(Description = "Agenda or notes for the invitation.", UIHint = InputUIHints.MultiLine)]
    public Input<string>? Description { get; set; }

    [Input(DisplayName = "Recorded by", Description = "Who records attendance and minutes: e-mail addresses and/or roles.", UIHint = InputUIHints.MultiText, DefaultValue = "role:staff")]
    public Input<object>? Recorders { get; set; }

    [Output(Description = "Attendance and minutes.")]
    public Output<MeetingRecord>? Result { get; set; }

    public override bool CanSuspend => true;

    private const string MeetingOverBookmark = "Chamber.MeetingOver";

    /// <summary>Waits, until the meeting is over, for staff to move it (<c>POST /api/workflow-instances/{id}/meetings/{activityId}/move</c>).</summary>
    public const string MoveBookmark = "Chamber.MeetingMove";

    /// <param name="Uid">The invitation's UID, so that a cancellation replaces it; with the chamber, place and end, absent from meetings invited before cancellations were sent.</param>
    private sealed record State(string Title, string ChamberName, DateTimeOffset Start, IReadOnlyList<string> Recorders,
        string? Uid = null, string? ChamberId = null, string? Campaign = null, string? Location = null, DateTimeOffset? End = null,
        string? Description = null, int Sequence = 0);

    /// <summary>The uid of this activity's invitation in this instance: the same for every message about the meeting.</summary>
    private string Uid(ActivityExecutionContext context) => $"{context.WorkflowExecutionContext.Id}-{Id}@chamber-campaign-workflows";

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var chamber = await context.Services.GetRequiredService<ChamberDirectory>().GetRequiredAsync(context.Get(Chamber));
        var calendar = await context.GetCalendarAsync();
        var start = MeetingSchedule.Start(context.Get(MeetingDate), context.Get(MeetingTime), calendar);
        var end = start.AddMinutes(context.Get(DurationMinutes) is var minutes and > 0 ? minutes : 120);
        var title = context.Get(Title) ?? "推进会";
        var location = context.Get(Location) ?? "";
        var recorders = UserTasks.AssigneeTags(context.Get(Recorders) ?? "role:staff", "记录人");

        var state = new State(title, chamber.Name, start, recorders, Uid(context), chamber.Id, context.Get(CampaignName), location, end, context.Get(Description));
        await InviteAsync(context, state, chamber, "meeting-invitation", "invitation");
        Schedule(context, state);
    }

    /// <summary>
    /// Staff moved the meeting (another day, time or place): the chamber gets an update of the same
    /// invitation (the same UID, a higher sequence), and attendance is asked for after the new end.
    /// </summary>
    private async ValueTask OnMovedAsync(ActivityExecutionContext context)
    {
        var move = context.GetResumeInput<MeetingMove>() ?? throw new InvalidOperationException("A meeting was moved without a new date.");
        var state = context.GetProperty<State>("state")!;
        var start = MeetingSchedule.Start(move.Date, move.Time, await context.GetCalendarAsync());
        var end = start + ((state.End ?? state.Start.AddHours(2)) - state.Start);
        var moved = state with
        {
            Start = start,
            End = end,
            Location = string.IsNullOrWhiteSpace(move.Location) ? state.Location : move.Location.Trim(),
            Sequence = state.Sequence + 1,
        };
        var chamber = await context.Services.GetRequiredService<ChamberDirectory>().GetRequiredAsync(moved.ChamberId);
        context.WorkflowExecutionContext.Bookmarks.RemoveAll(b => b.ContextId == context.Id && b.Name == MeetingOverBookmark);
        await InviteAsync(context, moved, chamber, "meeting-moved", "moved-" + moved.Sequence.ToString(CultureInfo.InvariantCulture));
        Schedule(context, moved);
        context.JournalMessage($"{moved.Title} → {start.ToOffset(BeijingTime.Offset):yyyy-MM-dd HH:mm} {moved.Location}");
    }

    /// <summary>The invitation (or its update) to the chamber, with the meeting request of this sequence.</summary>
    private async Task InviteAsync(ActivityExecutionContext context, State state, ChamberRecord chamber, string template, string occasion)
    {
        var organizer = context.Services.GetService<IOptions<MeetingOptions>>()?.Value.Organizer ?? "noreply@chamber.localhost";
        var addresses = EmailMessage.Addresses(chamber.Email);
        var end = state.End ?? state.Start.AddHours(2);
        var invite = CalendarInvite.Create(state.Uid ?? Uid(context), state.Sequence, state.Title, state.Location ?? "", state.Description,
            state.Start, end, context.Clock.GetUtcNow(), CalendarInvite.Person(organizer),
            addresses.Select(address => new CalendarPerson(chamber.Name, address)));
        var model = CampaignMail.MeetingFields(state.Start);
        model["chamber"] = chamber.Name;
        model["campaign"] = state.Campaign ?? "";
        model["title"] = state.Title;
        model["description"] = state.Description;
        model["location"] = state.Location;
        await CampaignMail.SendAsync(context, template, addresses, chamber.Id, occasion, model,
            [new EmailAttachment("meeting.ics", "text/calendar; charset=utf-8; method=REQUEST", Convert.ToBase64String(Encoding.UTF8.GetBytes(invite)))], chamber);
    }

    /// <summary>Keeps the meeting's state; asks for attendance after its end and lets staff move it until then.</summary>
    private void Schedule(ActivityExecutionContext context, State state)
    {
        var end = state.End ?? state.Start.AddHours(2);
        context.SetProperty("state", state);
        context.CreateBookmark(MeetingOverBookmark, key: end.ToString("O", CultureInfo.InvariantCulture), callback: OnMeetingOverAsync, dueAt: end);
        context.CreateBookmark(MoveBookmark, key: context.Id, callback: OnMovedAsync);
    }

    /// <summary>Called off before it took place (the campaign or this branch was stopped): the chamber is told, and its calendar entry withdrawn.</summary>
    public override void OnCancelled(ActivityExecutionContext context)
    {
        var pending = context.WorkflowExecutionContext.Bookmarks.Any(b => b.ContextId == context.Id && b.Name == MeetingOverBookmark);
        if (!pending || context.GetProperty<State>("state") is not { Uid: { } uid, ChamberId: { } chamberId, Location: { } location, End: { } end } state)
            return;
        var cancellation = new MeetingCancellation(uid, chamberId, state.Title, state.Campaign, location, state.Start, end, state.Sequence + 1);
        context.EnqueueMessage(MeetingCancellation.Channel, cancellation.ToJson(), $"{state.ChamberName} · {state.Title}", "meeting-cancelled/" + uid);
    }

    private ValueTask OnMeetingOverAsync(ActivityExecutionContext context)
    {
        // Held: it can no longer be moved.
        context.WorkflowExecutionContext.Bookmarks.RemoveAll(b => b.ContextId == context.Id && b.Name == MoveBookmark);
        var state = context.GetProperty<State>("state")!;
        foreach (var recorder in state.Recorders)
        {
            var payload = new TaskPayload(TaskKinds.MeetingRecord, $"记录：{state.ChamberName}参加“{state.Title}”情况", recorder, ["attended", "absent"],
                Description: ReaderText.Of("记录出席情况，并在意见中填写会议纪要要点", "Record attendance; put the minutes in the comment."),
                Context: new Dictionary<string, string> { ["chamber"] = state.ChamberName, ["meeting"] = state.Title });
            context.CreateBookmark(UserTasks.BookmarkName, Guid.CreateVersion7().ToString("N"), payload, OnRecordedAsync, tag: recorder);
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask OnRecordedAsync(ActivityExecutionContext context)
    {
        var decision = context.GetResumeInput<TaskDecision>() ?? throw new InvalidOperationException("A meeting record was resumed without an answer.");
        var state = context.GetProperty<State>("state")!;
        var record = new MeetingRecord(state.Title, state.Start, decision.Action == "attended", decision.Comment, decision.By);
        context.Set(Result, record);
        Lifecycle.CampaignProgress.Report(context);
        context.JournalMessage($"{state.ChamberName} {(record.Attended ? "出席 attended" : "缺席 absent")} {state.Title}");
        await context.CompleteActivityAsync();
    }
}
