using System.Globalization;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Deadlines;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Submissions;

/// <summary>
/// Asks one chamber for a document by a deadline (报送): the chamber is e-mailed a personal portal
/// link, reminded at working-day offsets before the deadline, chased every few working days after
/// it and, after the second chase, the leaders are told (督办). Staff then accept the submission or
/// return it with comments, and the chamber resubmits — as often as needed.
/// </summary>
[Activity("Chamber.RequestSubmission", "Campaign", "Asks a chamber for a document by a deadline, with reminders, chasing, escalation, and staff acceptance or return.",
    DisplayName = "Request submission", Outcomes = [Accepted])]
[InputOverride(nameof(DueDate), IsRequired = true)]
[InputOverride(nameof(ReminderDays), DefaultValue = "7,3,1")]
[InputOverride(nameof(ChaseEveryWorkingDays), DefaultValue = "2")]
public sealed class RequestSubmission : DeadlineActivity
{
    public const string Accepted = "Accepted";

    [Input(Description = "What is asked for, as the e-mails and the portal show it (e.g. 实施方案).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Title { get; set; }

    [Input(Description = "Requirements shown to the chamber.", UIHint = InputUIHints.MultiLine)]
    public Input<string>? Description { get; set; }

    [Input(Description = "The chamber's id in the directory.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Chamber { get; set; }

    [Input(DisplayName = "Campaign", Description = "The campaign's name for the e-mails (e.g. 2026年度“四好”商会创建活动).", UIHint = InputUIHints.SingleLine)]
    public Input<string>? CampaignName { get; set; }

    [Input(DisplayName = "Checked by", Description = "Who accepts or returns submissions: e-mail addresses and/or roles.", UIHint = InputUIHints.MultiText, DefaultValue = "role:staff")]
    public Input<object>? Reviewers { get; set; }

    [Input(DisplayName = "Resubmit within (working days)", Description = "Working days a chamber has to resubmit after a return, counted from the return; never earlier than the first deadline.", DefaultValue = "5")]
    public Input<int>? ResubmitWorkingDays { get; set; }

    [Output(Description = "The accepted submission.")]
    public Output<Submission>? Result { get; set; }

    public override bool CanSuspend => true;

    /// <summary>Everything the request keeps between slices (inputs are evaluated for ExecuteAsync only).</summary>
    private sealed record State(
        string ChamberId, string ChamberName, string ChamberEmail, string Title, string? Description, string Campaign,
        DateOnly Due, int[] ReminderDays, int ChaseEvery, int EscalateAt, IReadOnlyList<string> EscalateTo, IReadOnlyList<string> Reviewers,
        int ResubmitDays, int Round = 1, string? Feedback = null, int MaxChases = SubmissionReminder.DefaultMaxChases);

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var chamberId = context.Get(Chamber) ?? "";
        var chamber = await context.Services.GetRequiredService<ChamberDirectory>().GetRequiredAsync(chamberId);
        var calendar = await context.GetCalendarAsync();
        var dueText = context.Get(DueDate) ?? throw new InvalidOperationException(ReaderText.Of("报送需要截止日期", "A submission request needs a due date."));
        var reviewers = UserTasks.AssigneeTags(context.Get(Reviewers) ?? "role:staff", "审核人");
        var reminders = ReadReminders(context);
        var state = new State(
            chamber.Id, chamber.Name, chamber.Email, context.Get(Title) ?? "材料", context.Get(Description), context.Get(CampaignName) ?? "",
            BusinessDate.Parse(dueText).Resolve(calendar),
            reminders.DaysBefore, reminders.ChaseEvery, reminders.EscalateAt, reminders.EscalateTo,
            reviewers.Count > 0 ? reviewers : ["role:staff"],
            context.Get(ResubmitWorkingDays) is var resubmit and > 0 ? resubmit : 5,
            MaxChases: reminders.MaxChases);
        context.SetProperty("state", state);
        await OpenForChamberAsync(context, state, calendar, "submission-request", chamber);
    }

    /// <summary>The chamber's item in the portal, the e-mail that announces it, and the first reminder.</summary>
    private async Task OpenForChamberAsync(ActivityExecutionContext context, State state, ChineseBusinessCalendar calendar, string template,
        ChamberRecord? chamber = null)
    {
        var taskId = Guid.CreateVersion7().ToString("N");
        var payload = new TaskPayload(TaskKinds.Submission, state.Title, UserTasks.ChamberTag(state.ChamberId), [TaskActions.Submit], EndOf(state.Due), state.Description,
            Context: new Dictionary<string, string> { ["round"] = state.Round.ToString(CultureInfo.InvariantCulture), ["feedback"] = state.Feedback ?? "", ["campaign"] = state.Campaign });
        context.CreateBookmark(UserTasks.BookmarkName, taskId, payload, OnSubmittedAsync, tag: UserTasks.ChamberTag(state.ChamberId));
        await MailChamberAsync(context, state, calendar, template, chamber);
        ScheduleReminders(context, state, calendar);
    }

    private async ValueTask OnSubmittedAsync(ActivityExecutionContext context)
    {
        var submission = context.GetResumeInput<Submission>() ?? throw new InvalidOperationException("A submission was resumed without its content.");
        var state = context.GetProperty<State>("state")!;
        context.RemoveBookmarks(SubmissionReminders.Name);
        submission = submission with { Round = state.Round, SubmittedAt = context.Clock.GetUtcNow() };
        context.SetProperty("submission", submission);
        context.JournalMessage(ReaderText.Of($"{state.ChamberName} 已提交“{state.Title}”（第 {state.Round} 次，{submission.Files.Count} 个文件）",
            $"{state.ChamberName} submitted '{state.Title}' (round {state.Round}, {submission.Files.Count} files)"));
        var files = string.Join("、", submission.Files.Select(f => f.FileName));
        foreach (var reviewer in state.Reviewers)
        {
            var payload = new TaskPayload(TaskKinds.CheckSubmission, $"审核：{state.ChamberName}“{state.Title}”", reviewer, [TaskActions.Accept, TaskActions.Return],
                EndOf(state.Due), submission.Comment,
                Context: new Dictionary<string, string>
                {
                    ["chamber"] = state.ChamberName, ["chamberId"] = state.ChamberId, ["round"] = state.Round.ToString(CultureInfo.InvariantCulture),
                    ["files"] = files, ["submissionTask"] = submission.TaskId,
                });
            context.CreateBookmark(UserTasks.BookmarkName, Guid.CreateVersion7().ToString("N"), payload, OnCheckedAsync, tag: reviewer);
        }
    }

    private async ValueTask OnCheckedAsync(ActivityExecutionContext context)
    {
        var decision = context.GetResumeInput<TaskDecision>() ?? throw new InvalidOperationException("A check was resumed without a decision.");
        var state = context.GetProperty<State>("state")!;
        // One reviewer's answer settles the check; the other reviewers' copies of the task go.
        context.RemoveBookmarks(UserTasks.BookmarkName);
        context.JournalMessage($"{decision.ByName ?? decision.By}: {decision.Action}{(decision.Comment is null ? "" : " — " + decision.Comment)}");
        if (decision.Action == TaskActions.Accept)
        {
            context.Set(Result, context.GetProperty<Submission>("submission"));
            Lifecycle.CampaignProgress.Report(context);
            await context.CompleteActivityAsync(Accepted);
            return;
        }

        var calendar = await context.GetCalendarAsync();
        var today = CampaignMail.Today(context);
        // A return gives the chamber time to revise, never less than it had: a plan returned early in
        // April is still due at the end of April, not a week after the return.
        var resubmitBy = calendar.AddWorkingDays(today, state.ResubmitDays);
        state = state with { Round = state.Round + 1, Feedback = decision.Comment, Due = resubmitBy > state.Due ? resubmitBy : state.Due };
        context.SetProperty("state", state);
        await OpenForChamberAsync(context, state, calendar, "submission-returned");
    }

    /// <summary>
    /// The request's reminders: one timer that fires without this instance (<see cref="SubmissionReminders"/>)
    /// and moves itself on from reminder to reminder until the submission removes it.
    /// </summary>
    private void ScheduleReminders(ActivityExecutionContext context, State state, ChineseBusinessCalendar calendar)
    {
        if ((ReminderOf(state) with { Wording = CampaignWording.Of(context.WorkflowInput) }).Next(calendar, context.Clock.GetUtcNow()) is { } first)
            context.CreateBookmark(SubmissionReminders.Name, payload: first.Reminder, callback: OnReminderResumedAsync, dueAt: first.At);
    }

    // Never called: the sweeper hands these timers to SubmissionReminders and the instance API refuses
    // them. Should a bug resume one anyway, the request faults visibly rather than end unanswered.
    private ValueTask OnReminderResumedAsync(ActivityExecutionContext context) =>
        throw new InvalidOperationException(ReaderText.Of("提醒由定时清扫发送，不能恢复其流程", "A submission reminder fires without its workflow; it cannot be resumed."));

    private static SubmissionReminder ReminderOf(State state) =>
        new(state.ChamberId, state.ChamberName, state.ChamberEmail, state.Title, state.Description, state.Campaign, state.Feedback,
            state.Due, state.Round, state.ReminderDays, state.ChaseEvery, state.EscalateAt, state.EscalateTo, MaxChases: state.MaxChases);

    /// <summary>The request (or, after a return, the request again) to the chamber: one per round.</summary>
    private static async Task MailChamberAsync(ActivityExecutionContext context, State state, ChineseBusinessCalendar calendar, string template,
        ChamberRecord? chamber) =>
        await CampaignMail.SendAsync(context, template, EmailMessage.Addresses(state.ChamberEmail), state.ChamberId, $"{state.Round}",
            ReminderOf(state).Model(calendar, CampaignMail.Today(context)), chamber: chamber);

    private static DateTimeOffset EndOf(DateOnly day) => BeijingTime.EndOf(day);

}
