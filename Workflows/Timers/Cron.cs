using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuartzCron = Quartz.CronExpression;

namespace Chamber.Workflows.Timers;

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
