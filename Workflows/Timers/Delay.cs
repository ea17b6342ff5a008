using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Timers;

[Activity("Elsa.Delay", "Scheduling", "Waits for a span of time, e.g. 00:05:00 or P2D.", DisplayName = "Delay")]
public sealed class Delay : TimerActivity
{
    [Input(Description = "How long to wait (hh:mm:ss, d.hh:mm:ss or ISO 8601 such as PT2H).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<TimeSpan>? TimeSpan { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => now + context.Get(TimeSpan);
}
