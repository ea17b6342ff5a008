using System.Globalization;
using System.Text.RegularExpressions;
using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Calendar;

public enum BusinessDateRule
{
    /// <summary>The date as written, even if it is a day off.</summary>
    AsWritten,

    /// <summary>The date, moved to the next working day when it is a day off.</summary>
    NextWorkingDay,

    /// <summary>
    /// The date, or the last working day before it when it is a day off: a deadline "before the end
    /// of" a month (“11月底前”) stays inside that month.
    /// </summary>
    LastWorkingDay,

    /// <summary><see cref="BusinessDate.Days"/> working days before (negative) or after (positive) the date.</summary>
    WorkingDaysFrom,
}

/// <summary>
/// A deadline or reminder date as campaign schedules write it:
/// <c>2026-04-30</c> (that day), <c>2026-04-30&gt;</c> (that day, or the next working day if it is off),
/// <c>2026-11-30&lt;</c> (that day, or the last working day before it if it is off: "11月底前"),
/// <c>2026-04-30-3wd</c> / <c>2026-11-30+2wd</c> (3 working days before / 2 after).
/// </summary>
public sealed partial record BusinessDate(DateOnly Date, BusinessDateRule Rule, int Days = 0)
{
    public static BusinessDate Parse(string text)
    {
        var match = Syntax().Match(text.Trim());
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new FormatException(ReaderText.Of(
                $"“{text}”不是工作日历日期：可写 2026-04-30、2026-04-30>（逢休息日顺延到下一个工作日）、2026-11-30<（逢休息日提前到此前最后一个工作日）或 2026-04-30-3wd / 2026-04-30+3wd（之前 / 之后第几个工作日）",
                $"'{text}' is not a business date: write 2026-04-30, 2026-04-30> (next working day if off), 2026-11-30< (last working day before if off), or 2026-04-30-3wd / 2026-04-30+3wd (working days before / after)."));
        if (match.Groups["next"].Success)
            return new BusinessDate(date, BusinessDateRule.NextWorkingDay);
        if (match.Groups["last"].Success)
            return new BusinessDate(date, BusinessDateRule.LastWorkingDay);
        if (!match.Groups["days"].Success)
            return new BusinessDate(date, BusinessDateRule.AsWritten);
        var days = int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture);
        return new BusinessDate(date, BusinessDateRule.WorkingDaysFrom, match.Groups["sign"].Value == "-" ? -days : days);
    }

    /// <summary>The calendar day this stands for; throws <see cref="CalendarYearMissingException"/> when a needed year has no data.</summary>
    public DateOnly Resolve(ChineseBusinessCalendar calendar) => Rule switch
    {
        BusinessDateRule.NextWorkingDay => calendar.NextWorkingDay(Date),
        BusinessDateRule.LastWorkingDay => calendar.LastWorkingDay(Date),
        BusinessDateRule.WorkingDaysFrom => calendar.AddWorkingDays(Date, Days),
        _ => Date,
    };

    public override string ToString() => Rule switch
    {
        BusinessDateRule.NextWorkingDay => $"{Date:yyyy-MM-dd}>",
        BusinessDateRule.LastWorkingDay => $"{Date:yyyy-MM-dd}<",
        BusinessDateRule.WorkingDaysFrom => $"{Date:yyyy-MM-dd}{(Days < 0 ? "-" : "+")}{Math.Abs(Days)}wd",
        _ => $"{Date:yyyy-MM-dd}",
    };

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:(?<next>>)|(?<last><)|(?<sign>[+-])(?<days>\d{1,3})wd)?$")]
    private static partial Regex Syntax();
}
