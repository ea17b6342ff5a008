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

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
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
    [Input(Description = "How long to wait (hh:mm:ss, d.hh:mm:ss or ISO 8601 such as PT2H).", UIHint = "single-line", IsRequired = true)]
    public Input<TimeSpan>? TimeSpan { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => now + context.Get(TimeSpan);
}

[Activity("Elsa.Timer", "Scheduling", "Waits one interval (as a trigger, Elsa repeats it).", DisplayName = "Timer")]
public sealed class Timer : TimerActivity
{
    [Input(Description = "The interval (hh:mm:ss or ISO 8601).", UIHint = "single-line", IsRequired = true)]
    public Input<TimeSpan>? Interval { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => now + context.Get(Interval);
}

[Activity("Elsa.StartAt", "Scheduling", "Waits until a date and time (continues at once if it has passed).", DisplayName = "Start At")]
public sealed class StartAt : TimerActivity
{
    [Input(DisplayName = "Date and time", Description = "When to continue, ISO 8601 (without an offset: UTC).", UIHint = "datetime-picker", IsRequired = true)]
    public Input<DateTimeOffset>? DateTime { get; set; }

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now) => context.Get(DateTime);
}

[Activity("Elsa.Cron", "Scheduling", "Waits until the next time a Quartz cron expression matches, in Beijing time.", DisplayName = "Cron")]
public sealed class Cron : TimerActivity, IValidatedActivity
{
    [Input(DisplayName = "Cron expression",
        Description = "Quartz cron syntax: seconds minutes hours day-of-month month day-of-week [year], e.g. 0 0 9 ? * MON-FRI.",
        UIHint = "single-line", IsRequired = true)]
    public Input<string>? CronExpression { get; set; }

    public IEnumerable<string> Validate()
    {
        if (CronExpression?.Expression.Type == Expressions.ExpressionTypes.Literal && CronExpression.Expression.Text is { } text
            && !QuartzCron.TryParse(text, out _))
            yield return $"{this}: '{text}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]).";
    }

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
