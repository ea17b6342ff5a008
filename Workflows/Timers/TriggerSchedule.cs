using System.Globalization;
using System.Xml;

namespace Chamber.Workflows.Timers;

/// <summary>
/// When a timer activity marked <c>canStartWorkflow</c> starts new instances of its workflow. The
/// schedule is stored as text beside the definition (<c>workflow_schedules.spec</c>), so a
/// republish that leaves it unchanged keeps the pending occurrence instead of starting over.
/// </summary>
public abstract record TriggerSchedule
{
    /// <summary>The stored form: <c>every PT1H</c>, <c>cron Asia/Shanghai 0 0 9 * * 1-5</c> or <c>at 2026-05-01T00:00:00Z</c>.</summary>
    public abstract string Spec { get; }

    /// <summary>The first occurrence after the schedule is published at <paramref name="now"/>, or null when there is none.</summary>
    public abstract DateTimeOffset? First(DateTimeOffset now);

    /// <summary>
    /// The occurrence after one that fired at <paramref name="now"/> (due at <paramref name="due"/>).
    /// Occurrences missed while no host ran are not replayed: the one that fired stands for them all.
    /// </summary>
    public abstract DateTimeOffset? Next(DateTimeOffset due, DateTimeOffset now);

    public static TriggerSchedule Parse(string spec, TimeZoneInfo zone)
    {
        var space = spec.IndexOf(' ', StringComparison.Ordinal);
        var (kind, value) = space < 0 ? (spec, "") : (spec[..space], spec[(space + 1)..]);
        return kind switch
        {
            "every" => new IntervalSchedule(XmlConvert.ToTimeSpan(value)),
            "cron" => CronSchedule.FromSpec(value, zone),
            "at" => new OnceSchedule(DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)),
            _ => throw new FormatException($"'{spec}' is not a trigger schedule."),
        };
    }
}

/// <summary>Elsa.Timer as a trigger: every interval, counted from when the definition was published.</summary>
public sealed record IntervalSchedule(TimeSpan Interval) : TriggerSchedule
{
    public override string Spec => "every " + XmlConvert.ToString(Interval);

    public override DateTimeOffset? First(DateTimeOffset now) => now + Interval;

    // Stays on the original grid, so lateness in one firing does not drift the ones after it.
    public override DateTimeOffset? Next(DateTimeOffset due, DateTimeOffset now) =>
        due + Interval * (Math.Floor((now - due) / Interval) + 1);
}

/// <summary>Elsa.Cron as a trigger: every time the expression matches, read in its zone.</summary>
public sealed record CronSchedule(string Expression, Cronos.CronExpression Cron, TimeZoneInfo Zone) : TriggerSchedule
{
    public override string Spec => $"cron {Zone.Id} {Expression}";

    public override DateTimeOffset? First(DateTimeOffset now) => ElsaCron.Next(Cron, now, Zone);

    public override DateTimeOffset? Next(DateTimeOffset due, DateTimeOffset now) => ElsaCron.Next(Cron, now, Zone);

    /// <summary>"Asia/Shanghai 0 0 9 * * 1-5"; a schedule stored before zones were named is read in <paramref name="zone"/>.</summary>
    public static CronSchedule FromSpec(string value, TimeZoneInfo zone)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(value[..space], out var named))
        {
            zone = named;
            value = value[(space + 1)..];
        }

        return ElsaCron.TryParse(value, out var cron, out var problem) ? new CronSchedule(value, cron, zone) : throw new FormatException(problem);
    }
}

/// <summary>Elsa.StartAt as a trigger: once, at a moment that had not passed when it was published.</summary>
public sealed record OnceSchedule(DateTimeOffset At) : TriggerSchedule
{
    public override string Spec => "at " + At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public override DateTimeOffset? First(DateTimeOffset now) => At > now ? At : null;

    public override DateTimeOffset? Next(DateTimeOffset due, DateTimeOffset now) => null;
}
