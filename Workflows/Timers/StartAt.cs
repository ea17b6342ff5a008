using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Timers;

[Activity("Elsa.StartAt", "Scheduling", "Waits until a date and time (continues at once if it has passed); as a trigger it starts the workflow once then.", DisplayName = "Start At")]
public sealed class StartAt : TimerActivity, ITrigger
{
    [Input(DisplayName = "Date and time", Description = "When to continue, ISO 8601 (without an offset: UTC).", UIHint = InputUIHints.DateTimePicker, IsRequired = true)]
    public Input<DateTimeOffset>? DateTime { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => context.Get(DateTime);

    protected override TriggerSchedule? CreateSchedule(TimeZoneInfo zone) =>
        DateTime is not null && DateTime.TryGetConstant(out var at) ? new OnceSchedule(at) : null;
}
