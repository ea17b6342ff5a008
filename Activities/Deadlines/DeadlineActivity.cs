using System.Globalization;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Email;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Deadlines;

/// <summary>
/// A step with a deadline counted on the business calendar: reminders on working days before it,
/// chases every few working days after it (催办), and the leaders told with one of the chases (督办).
/// The inputs are the same for every such step; a subclass gives its own defaults with
/// <see cref="InputOverrideAttribute"/> (a sign-off reminds a day before, a submission a week before).
/// </summary>
public abstract class DeadlineActivity : Activity
{
    [Input(DisplayName = "Due date",
        Description = "When it is due: a business date such as 2026-04-30, 2026-04-30> (next working day if off), 2026-11-30< (last working day before if off) or 2026-04-30-3wd.",
        UIHint = InputUIHints.SingleLine)]
    public Input<string>? DueDate { get; set; }

    [Input(DisplayName = "Reminders (working days before)", Description = "Working days before the due date on which to remind, e.g. 7,3,1.",
        UIHint = InputUIHints.SingleLine)]
    public Input<string>? ReminderDays { get; set; }

    [Input(DisplayName = "Chase every (working days)", Description = "After the due date, chase every this many working days.")]
    public Input<int>? ChaseEveryWorkingDays { get; set; }

    [Input(DisplayName = "Chase at most", Description = "Chases after the due date stop after this many; nobody is mailed forever.", DefaultValue = "3")]
    public Input<int>? MaxChases { get; set; }

    [Input(DisplayName = "Escalate after chases", Description = "Tell the leaders with this chase (督办), in their daily digest.", DefaultValue = "2")]
    public Input<int>? EscalateAfterChases { get; set; }

    [Input(DisplayName = "Leaders to escalate to", Description = "E-mail addresses of the leaders told when the deadline is missed (never about their own task).", UIHint = InputUIHints.MultiText)]
    public Input<object>? EscalateTo { get; set; }

    /// <summary>How to remind about the deadline, from the inputs (evaluated in ExecuteAsync only) or this type's defaults.</summary>
    protected DeadlineReminders ReadReminders(ActivityExecutionContext context)
    {
        var type = ActivityTypeInfo.Of(GetType());
        var maxChases = context.Get(MaxChases) is var most and > 0 ? most : DefaultNumber(type, nameof(MaxChases));
        var escalateAt = context.Get(EscalateAfterChases) is var escalate and > 0 ? escalate : DefaultNumber(type, nameof(EscalateAfterChases));
        return new DeadlineReminders(
            ReminderSchedule.ParseDays(context.Get(ReminderDays) ?? type.DefaultOf(nameof(ReminderDays)) ?? ""),
            context.Get(ChaseEveryWorkingDays) is var every and > 0 ? every : DefaultNumber(type, nameof(ChaseEveryWorkingDays)),
            // Escalating after the last chase would never happen: the leaders are told with the last one at the latest.
            Math.Min(escalateAt, maxChases),
            EmailMessage.Addresses(context.Get(EscalateTo)),
            maxChases);
    }

    private static int DefaultNumber(ActivityTypeInfo type, string input) =>
        int.TryParse(type.DefaultOf(input), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 1;
}
