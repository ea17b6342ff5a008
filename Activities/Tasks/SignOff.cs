using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Deadlines;
using Chamber.Campaigns.Escalations;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Tasks;

/// <summary>
/// A leader's sign-off (审批): one task per approver, in one of the three modes approval products
/// offer — all must approve (会签), the first answer decides (或签), or one after another (依次).
/// Approvers may approve, reject, return the matter to an earlier step, transfer their task (转交)
/// or add a signer (加签), each with a comment. A rejection or a return ends the sign-off at once.
/// With a due date, the approvers still to sign are reminded by e-mail before it and chased after
/// it (催办), and the leaders named are told with the chase set for escalation (督办).
/// </summary>
[Activity("Chamber.SignOff", "Approval", "Leaders sign off: all (会签), any (或签) or in order (依次); approve, reject, return, transfer, add signer.",
    DisplayName = "Sign-off", Outcomes = [Approved, Rejected, Returned])]
[InputOverride(nameof(DueDate), Description = "When the sign-off is due: a date and time, or a business date such as 2026-04-30> (next working day if off), 2026-11-30< (last working day before if off) or 2026-04-30-3wd.")]
[InputOverride(nameof(ReminderDays), DefaultValue = "1")]
[InputOverride(nameof(ChaseEveryWorkingDays), DefaultValue = "1")]
public sealed class SignOff : DeadlineActivity
{
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string Returned = "Returned";

    private const string PendingKey = "pending";
    private const string QueueKey = "queue";
    private const string DecisionsKey = "decisions";
    private const string TemplateKey = "task";

    [Input(Description = "What is to be signed off, as the inbox shows it.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Title { get; set; }

    [Input(Description = "Details for the approvers.", UIHint = InputUIHints.MultiLine)]
    public Input<string>? Description { get; set; }

    [Input(Description = "Approvers: e-mail addresses and/or roles (role:leader), as a list or separated by commas.", UIHint = InputUIHints.MultiText, IsRequired = true)]
    public Input<object>? Approvers { get; set; }

    [Input(Description = "all (会签): everyone approves; any (或签): the first answer decides; sequential (依次): one after another.",
        UIHint = InputUIHints.DropDown, Options = ["all", "any", "sequential"], DefaultValue = "all")]
    public Input<string>? Mode { get; set; }

    [Output(Description = "Every decision: who, what, comment, when.")]
    public Output<List<SignOffDecision>>? Decisions { get; set; }

    public override bool CanSuspend => true;

    public const string ReminderBookmark = "Chamber.Reminder";

    /// <summary>
    /// The deadline and how to remind about it (kept between slices; inputs are evaluated for
    /// ExecuteAsync only). <see cref="MaxChases"/> defaults to the limit before it could be set.
    /// </summary>
    private sealed record Reminding(DateOnly Due, int[] DaysBefore, int ChaseEvery, int EscalateAt, IReadOnlyList<string> EscalateTo, int Chases = 0,
        int MaxChases = 5);

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var tags = UserTasks.AssigneeTags(context.Get(Approvers), "审批人");
        if (tags.Count == 0)
            throw new InvalidOperationException(ReaderText.Of("没有审批人", "The sign-off has no approvers."));
        var mode = ParseMode(context.Get(Mode));
        context.SetProperty("mode", mode);
        var dueAt = await DueAtAsync(context);
        // Inputs are evaluated for ExecuteAsync only; tasks created later (transfer, add signer, next in order) copy this.
        context.SetProperty(TemplateKey, new TaskPayload(TaskKinds.SignOff, context.Get(Title) ?? Name ?? "审批", "",
            [TaskActions.Approve, TaskActions.Reject, TaskActions.Return, TaskActions.Transfer, TaskActions.AddSigner],
            dueAt, context.Get(Description), mode));
        if (dueAt is { } due)
        {
            var rules = ReadReminders(context);
            var reminding = new Reminding(BeijingTime.DayOf(due), rules.DaysBefore, rules.ChaseEvery, rules.EscalateAt, rules.EscalateTo,
                MaxChases: rules.MaxChases);
            context.SetProperty("reminding", reminding);
            await ScheduleReminderAsync(context, reminding);
        }

        context.SetProperty(DecisionsKey, new List<SignOffDecision>());
        if (mode == "sequential")
        {
            context.SetProperty(QueueKey, tags.Skip(1).ToList());
            context.SetProperty(PendingKey, new List<PendingTask> { CreateTask(context, tags[0]) });
        }
        else
        {
            context.SetProperty(PendingKey, tags.Select(t => CreateTask(context, t)).ToList());
        }
    }

    private async ValueTask OnDecisionAsync(ActivityExecutionContext context)
    {
        var decision = context.GetResumeInput<TaskDecision>()
            ?? throw new InvalidOperationException("A sign-off was resumed without a decision.");
        var pending = context.GetProperty<List<PendingTask>>(PendingKey) ?? [];
        var task = pending.Find(p => p.TaskId == decision.TaskId)
            ?? throw new InvalidOperationException($"Task {decision.TaskId} is not pending in this sign-off.");
        pending.Remove(task);
        var decisions = context.GetProperty<List<SignOffDecision>>(DecisionsKey) ?? [];
        var target = decision.TransferTo ?? decision.AddSigner;
        decisions.Add(new SignOffDecision(task.TaskId, decision.By, decision.ByName, decision.Action, decision.Comment, context.Clock.GetUtcNow(), target));
        context.SetProperty(DecisionsKey, decisions);
        context.Set(Decisions, decisions);
        context.JournalMessage($"{decision.ByName ?? decision.By}: {decision.Action}{(string.IsNullOrWhiteSpace(decision.Comment) ? "" : " — " + decision.Comment)}");
        var mode = context.GetProperty<string>("mode") ?? "all";

        switch (decision.Action)
        {
            case TaskActions.Reject:
                await context.CompleteActivityAsync(Rejected);
                return;
            case TaskActions.Return:
                await context.CompleteActivityAsync(Returned);
                return;
            case TaskActions.Transfer:
                // The task moves; the transferring person is done with it.
                pending.Add(CreateTask(context, RequireTag(decision.TransferTo)));
                break;
            case TaskActions.AddSigner:
                var added = RequireTag(decision.AddSigner);
                // The person who added a signer still signs; the new signer signs too (next in order when sequential).
                pending.Add(CreateTask(context, task.Assignee));
                if (mode == "sequential")
                    context.SetProperty(QueueKey, (List<string>)[added, .. context.GetProperty<List<string>>(QueueKey) ?? []]);
                else
                    pending.Add(CreateTask(context, added));
                break;
            case TaskActions.Approve:
                if (mode == "any")
                {
                    await context.CompleteActivityAsync(Approved);
                    return;
                }

                if (mode == "sequential" && pending.Count == 0 && context.GetProperty<List<string>>(QueueKey) is [var next, .. var rest])
                {
                    context.SetProperty(QueueKey, rest);
                    pending.Add(CreateTask(context, next));
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown sign-off action '{decision.Action}'.");
        }

        context.SetProperty(PendingKey, pending);
        if (pending.Count == 0)
            await context.CompleteActivityAsync(Approved);
    }

    private async ValueTask ScheduleReminderAsync(ActivityExecutionContext context, Reminding reminding)
    {
        var calendar = await context.GetCalendarAsync();
        var next = new ReminderSchedule(reminding.DaysBefore, reminding.ChaseEvery, reminding.MaxChases).Next(calendar, reminding.Due, reminding.Chases, context.Clock.GetUtcNow());
        context.SetProperty("next", next);
        if (next is not null)
            context.CreateBookmark(ReminderBookmark, next.Kind, callback: OnReminderAsync, dueAt: next.At);
    }

    /// <summary>
    /// 催办: mails the approvers still to sign (people; a role has no address), and with the
    /// escalating chase tells the leaders in their daily digest — except a leader who is one of the late approvers.
    /// </summary>
    private async ValueTask OnReminderAsync(ActivityExecutionContext context)
    {
        var reminding = context.GetProperty<Reminding>("reminding")!;
        var next = context.GetProperty<DueReminder>("next")!;
        var calendar = await context.GetCalendarAsync();
        var pending = context.GetProperty<List<PendingTask>>(PendingKey) ?? [];
        var people = pending.Select(p => UserTasks.AddressOf(p.Assignee)).OfType<string>().Distinct().ToList();
        var task = context.GetProperty<TaskPayload>(TemplateKey)!;
        var model = Email.CampaignMail.DueFields(calendar, Email.CampaignMail.Today(context), reminding.Due);
        model["title"] = task.Title;
        model["description"] = task.Description;
        model["overdue"] = next.Kind == DueReminder.Overdue;
        var late = pending.Select(p => p.Assignee).Distinct().ToList();
        var names = context.Services.GetService<IPeopleDirectory>() is { } directory ? await directory.NamesAsync(late) : null;
        model["approvers"] = string.Join("、", late.Select(a => names?.GetValueOrDefault(a) ?? a[(a.IndexOf(':', StringComparison.Ordinal) + 1)..]));
        var occasion = next.Kind == DueReminder.Before ? $"{next.At:yyyyMMdd}" : $"chase{next.Chase}";
        if (people.Count > 0)
            await Email.CampaignMail.SendToStaffAsync(context, "sign-off-reminder", people, occasion, model);
        if (next.Kind == DueReminder.Overdue)
        {
            reminding = reminding with { Chases = next.Chase };
            context.SetProperty("reminding", reminding);
            if (next.Chase == reminding.EscalateAt && reminding.EscalateTo.Count > 0)
                Escalate(context, reminding, task.Title, late, calendar);
        }

        context.JournalMessage(next.Kind == DueReminder.Before ? ReaderText.Of($"已提醒审批人：{model["approvers"]}", $"reminded {model["approvers"]}") : ReaderText.Of($"催办第 {next.Chase} 次", $"chase no. {next.Chase}"));
        await ScheduleReminderAsync(context, reminding);
    }

    private static void Escalate(ActivityExecutionContext context, Reminding reminding, string title, IReadOnlyList<string> late, ChineseBusinessCalendar calendar)
    {
        var options = context.Services.GetService<IOptions<LeaderDigestOptions>>()?.Value ?? new LeaderDigestOptions();
        var escalation = new Escalation("", title, null, null, late, reminding.Due);
        var key = Email.CampaignMail.IdempotencyKey(context.WorkflowExecutionContext.Id, context.Activity.Id, "escalation", "1");
        foreach (var message in EscalationMessages.For(reminding.EscalateTo, escalation, key, context.WorkflowExecutionContext.Id, calendar, options,
                     context.Clock.GetUtcNow()))
            context.EnqueueMessage(message.Channel, message.Payload, message.Summary, message.IdempotencyKey, message.DeliverAt);
    }

    private sealed record PendingTask(string TaskId, string Assignee);

    private PendingTask CreateTask(ActivityExecutionContext context, string assignee)
    {
        var taskId = Guid.CreateVersion7().ToString("N");
        var payload = context.GetProperty<TaskPayload>(TemplateKey)! with { Assignee = assignee };
        context.CreateBookmark(UserTasks.BookmarkName, taskId, payload, OnDecisionAsync, tag: assignee);
        return new PendingTask(taskId, assignee);
    }

    private static string RequireTag(string? text) =>
        text is not null && UserTasks.AssigneeTag(text) is { } tag
            ? tag
            : throw new InvalidOperationException(ReaderText.Of($"“{text}”既不是邮箱也不是角色", $"'{text}' is neither an e-mail address nor role:<name>."));

    internal static string ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" or "会签" => "all",
        "any" or "或签" => "any",
        "sequential" or "in-order" or "依次" => "sequential",
        _ => throw new InvalidOperationException(ReaderText.Of($"未知审批方式“{text}”，可选：all, any, sequential（会签、或签、依次）", $"Unknown sign-off mode '{text}' (all, any, sequential).")),
    };

    private async ValueTask<DateTimeOffset?> DueAtAsync(ActivityExecutionContext context)
    {
        var text = context.Get(DueDate);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var moment)
            && text.Contains('T', StringComparison.Ordinal))
            return moment;
        var calendar = await context.GetCalendarAsync();
        var day = BusinessDate.Parse(text).Resolve(calendar);
        return BeijingTime.EndOf(day);
    }
}
