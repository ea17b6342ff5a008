using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Calendar;

/// <summary>A reminder that comes due: before the deadline (<c>reminder</c>), or the n-th chase after it (<c>overdue</c>).</summary>
public sealed record DueReminder(string Kind, int Chase, DateTimeOffset At)
{
    public const string Before = "reminder";
    public const string Overdue = "overdue";
}

/// <summary>
/// When to remind about a deadline: at nine in the morning, Beijing time, on the given working days
/// before it, then every few working days after it, at most <see cref="MaxChases"/> times — so
/// nobody is reminded on a holiday, and nobody who never answers is mailed forever.
/// </summary>
public sealed record ReminderSchedule(int[] DaysBefore, int ChaseEvery, int MaxChases)
{
    public static readonly TimeOnly SendAt = new(9, 0);

    /// <summary>The first reminder after <paramref name="now"/>, or null when none is left.</summary>
    public DueReminder? Next(ChineseBusinessCalendar calendar, DateOnly due, int chasesSoFar, DateTimeOffset now) =>
        DaysBefore.OrderByDescending(d => d)
            .Select(d => new DueReminder(DueReminder.Before, 0, BeijingTime.At(calendar.AddWorkingDays(due, -d), SendAt)))
            .Concat(Enumerable.Range(chasesSoFar + 1, Math.Max(0, MaxChases - chasesSoFar))
                .Select(k => new DueReminder(DueReminder.Overdue, k, BeijingTime.At(calendar.AddWorkingDays(due, k * ChaseEvery), SendAt))))
            .FirstOrDefault(r => r.At > now);

    /// <summary>"7,3,1" → [7, 3, 1]; a clear error for anything that is not a small positive number.</summary>
    public static int[] ParseDays(string? text) =>
        [.. (text ?? "").Split([',', '，', '、', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => int.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var d) && d > 0 && d < 100
                ? d
                : throw new InvalidOperationException(ReaderText.Of($"提醒天数“{t}”无效", $"'{t}' is not a number of working days.")))];
}
