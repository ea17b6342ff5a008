using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Timers;

[Activity("Elsa.Timer", "Scheduling", "Waits one interval; as a trigger (canStartWorkflow) it starts the workflow every interval.", DisplayName = "Timer")]
public sealed class Timer : TimerActivity, ITrigger
{
    [Input(Description = "The interval (hh:mm:ss or ISO 8601).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<TimeSpan>? Interval { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => now + context.Get(Interval);

    protected override TriggerSchedule? CreateSchedule(TimeZoneInfo zone) =>
        Interval is not null && Interval.TryGetConstant(out var interval) && interval > TimeSpan.Zero ? new IntervalSchedule(interval) : null;
}
