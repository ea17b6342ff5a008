using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Activities that wait until a moment. They suspend on a bookmark with a due time, which lives in
/// the instance's row and the bookmark index like any other wait; <see cref="TimerSweeper"/> resumes
/// whatever is due, so a timer survives restarts and fires once.
/// </summary>
public abstract class TimerActivity : Activity
{
    public override bool CanSuspend => true;

    /// <summary>For the trigger timers: they are not keyed like events but scheduled (see <see cref="GetTriggerSchedule"/>).</summary>
    public (string Name, string Key)? GetTriggerKey() => null;

    /// <summary>
    /// When this timer, marked <c>canStartWorkflow</c> and configured with literals, starts new
    /// instances; null when it does not start any.
    /// </summary>
    public TriggerSchedule? GetTriggerSchedule(TimeZoneInfo zone) => CanStartWorkflow ? CreateSchedule(zone) : null;

    protected virtual TriggerSchedule? CreateSchedule(TimeZoneInfo zone) => null;

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        // The occurrence that started this instance is this timer's firing.
        if (context.WorkflowExecutionContext.Instance.TriggerActivityId == Id && context.WorkflowExecutionContext.ConsumeTrigger())
        {
            await context.CompleteActivityAsync();
            return;
        }

        var now = context.Clock.GetUtcNow();
        var due = DueAt(context, now);
        if (due <= now)
        {
            await context.CompleteActivityAsync();
            return;
        }

        context.CreateBookmark(key: due.ToString("O", System.Globalization.CultureInfo.InvariantCulture), dueAt: due);
    }

    protected abstract DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now);
}
