using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuartzCron = Quartz.CronExpression;

namespace Chamber.Workflows.Timers;

public sealed class TimerOptions
{
    /// <summary>The zone cron expressions are read in: campaigns run on Beijing time.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How often due timers are looked for in real-clock mode.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Due timers fetched per query.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Timers fired at once (each is one instance's resume; their commits are grouped).</summary>
    public int FireConcurrency { get; set; } = 64;
}

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

[Activity("Elsa.Delay", "Scheduling", "Waits for a span of time, e.g. 00:05:00 or P2D.", DisplayName = "Delay")]
public sealed class Delay : TimerActivity
{
    [Input(Description = "How long to wait (hh:mm:ss, d.hh:mm:ss or ISO 8601 such as PT2H).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<TimeSpan>? TimeSpan { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => now + context.Get(TimeSpan);
}

[Activity("Elsa.Timer", "Scheduling", "Waits one interval; as a trigger (canStartWorkflow) it starts the workflow every interval.", DisplayName = "Timer")]
public sealed class Timer : TimerActivity, ITrigger
{
    [Input(Description = "The interval (hh:mm:ss or ISO 8601).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<TimeSpan>? Interval { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => now + context.Get(Interval);

    protected override TriggerSchedule? CreateSchedule(TimeZoneInfo zone) =>
        Interval is not null && Interval.TryGetConstant(out var interval) && interval > TimeSpan.Zero ? new IntervalSchedule(interval) : null;
}

[Activity("Elsa.StartAt", "Scheduling", "Waits until a date and time (continues at once if it has passed); as a trigger it starts the workflow once then.", DisplayName = "Start At")]
public sealed class StartAt : TimerActivity, ITrigger
{
    [Input(DisplayName = "Date and time", Description = "When to continue, ISO 8601 (without an offset: UTC).", UIHint = InputUIHints.DateTimePicker, IsRequired = true)]
    public Input<DateTimeOffset>? DateTime { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => context.Get(DateTime);

    protected override TriggerSchedule? CreateSchedule(TimeZoneInfo zone) =>
        DateTime is not null && DateTime.TryGetConstant(out var at) ? new OnceSchedule(at) : null;
}

[Activity("Elsa.Cron", "Scheduling", "Waits until a Quartz cron expression next matches, in Beijing time; as a trigger it starts the workflow at every match.", DisplayName = "Cron")]
public sealed class Cron : TimerActivity, ITrigger, IValidatedActivity
{
    [Input(DisplayName = "Cron expression",
        Description = "Quartz cron syntax: seconds minutes hours day-of-month month day-of-week [year], e.g. 0 0 9 ? * MON-FRI.",
        UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? CronExpression { get; set; }

    public IEnumerable<string> Validate()
    {
        if (CronExpression?.Expression.Type == Expressions.ExpressionTypes.Literal && CronExpression.Expression.Text is { } text
            && !QuartzCron.TryParse(text, out _))
            yield return $"{this}: '{text}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]).";
    }

    protected override TriggerSchedule? CreateSchedule(TimeZoneInfo zone) =>
        CronExpression is not null && CronExpression.TryGetConstant(out var text) && QuartzCron.TryParse(text, out var cron)
            ? new CronSchedule(text!, cron.WithTimeZone(zone))
            : null;

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now)
    {
        var text = context.Get(CronExpression);
        if (string.IsNullOrWhiteSpace(text) || !QuartzCron.TryParse(text, out var parsed))
            throw new InvalidOperationException($"'{text}' is not a Quartz cron expression.");
        var options = context.Services.GetService<IOptions<TimerOptions>>()?.Value ?? new TimerOptions();
        var cron = parsed.WithTimeZone(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));
        return cron.GetNextValidTimeAfter(now) ?? throw new InvalidOperationException($"The cron expression '{text}' never fires again.");
    }
}
