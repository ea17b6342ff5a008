using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Waits until a cron expression next matches; as a trigger it starts the workflow at every match.
/// The expression is Elsa's (<see cref="ElsaCron"/>). Elsa reads it in UTC; campaigns run on Beijing
/// time, so it is read in the activity's <see cref="TimeZone"/> — which every definition stored here
/// carries (the host's <c>Timers:TimeZone</c>, Asia/Shanghai, is written into a cron activity that
/// names none), so an exported definition means the same thing wherever it is imported.
/// </summary>
[Activity("Elsa.Cron", "Scheduling", "Waits until a cron expression next matches (Elsa's six fields, with seconds); as a trigger it starts the workflow at every match.",
    DisplayName = "Cron")]
public sealed class Cron : TimerActivity, ITrigger, IValidatedActivity
{
    [Input(DisplayName = "Cron expression",
        Description = "Six fields: seconds minutes hours day-of-month month day-of-week (0 or 7 Sunday, 1 Monday), e.g. 0 0 9 * * 1-5 for 09:00 Monday to Friday.",
        UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? CronExpression { get; set; }

    [Input(DisplayName = "Time zone", Description = "The zone the expression is read in (IANA id, e.g. Asia/Shanghai).", UIHint = InputUIHints.SingleLine)]
    public Input<string>? TimeZone { get; set; }

    public IEnumerable<string> Validate()
    {
        if (CronExpression?.TryGetConstant(out var text) == true && !ElsaCron.TryParse(text, out _, out var problem))
            yield return ReaderText.Of($"{ChineseLabel}：{problem}", $"{this}: {problem}");
        if (TimeZone?.TryGetConstant(out var zone) == true && !string.IsNullOrWhiteSpace(zone) && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            yield return ReaderText.Of($"{ChineseLabel}：“{zone}”不是有效的时区（应为 IANA 时区标识，如 Asia/Shanghai）", $"{this}: '{zone}' is not a time zone (an IANA id such as Asia/Shanghai).");
    }

    /// <summary>Writes the host's zone into the activity when it names none, so the stored definition says which zone it means.</summary>
    public void NameZone(string hostZone)
    {
        if (TimeZone is null || (TimeZone.TryGetConstant(out var zone) && string.IsNullOrWhiteSpace(zone)))
            TimeZone = new Input<string>(hostZone);
    }

    protected override TriggerSchedule? CreateSchedule(TimeZoneInfo zone) =>
        CronExpression is not null && CronExpression.TryGetConstant(out var text) && ElsaCron.TryParse(text, out var cron, out _)
            ? new CronSchedule(text!, cron, ZoneOr(zone))
            : null;

    protected override DateTimeOffset DueAt(ActivityExecutionContext context, DateTimeOffset now)
    {
        var text = context.Get(CronExpression);
        if (!ElsaCron.TryParse(text, out var cron, out var problem))
            throw new InvalidOperationException(problem);
        var options = context.Services.GetService<IOptions<TimerOptions>>()?.Value ?? new TimerOptions();
        var zone = ZoneOr(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), context.Get(TimeZone));
        return ElsaCron.Next(cron, now, zone) ?? throw new InvalidOperationException(ReaderText.Of($"Cron 表达式“{text}”今后不会再触发", $"The cron expression '{text}' never fires again."));
    }

    private TimeZoneInfo ZoneOr(TimeZoneInfo fallback, string? named = null)
    {
        var zone = named ?? (TimeZone is not null && TimeZone.TryGetConstant(out var constant) ? constant : null);
        return !string.IsNullOrWhiteSpace(zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : fallback;
    }
}
