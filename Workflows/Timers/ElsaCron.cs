using Chamber.Workflows.Localization;
using Cronos;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Cron expressions as Elsa 3 reads them: Cronos with seconds — six fields, seconds minutes hours
/// day-of-month month day-of-week, where day-of-week 0 and 7 are Sunday and 1 is Monday (so
/// <c>0 0 9 * * 1-5</c> is 09:00 Monday to Friday). Quartz's forms that Cronos does not have (a
/// seventh field for the year) are refused with the way to write it.
/// </summary>
public static class ElsaCron
{
    public static bool TryParse(string? text, out CronExpression cron, out string? problem)
    {
        cron = null!;
        problem = null;
        var fields = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 7)
        {
            problem = ReaderText.Of(
                $"“{text}”有七个字段（Quartz 的年份字段）；Elsa 的 Cron 表达式只有六个字段：秒 分 时 日 月 星期，例如 0 0 9 * * 1-5（周一至周五 09:00）",
                $"'{text}' has seven fields (Quartz's year field); Elsa's cron has six: seconds minutes hours day-of-month month day-of-week, e.g. 0 0 9 * * 1-5 (09:00, Monday to Friday).");
            return false;
        }

        if (fields.Length != 6 || !CronExpression.TryParse(string.Join(' ', fields), CronFormat.IncludeSeconds, out var parsed) || parsed is null)
        {
            problem = ReaderText.Of(
                $"“{text}”不是有效的 Cron 表达式：应为六个字段，依次为 秒 分 时 日 月 星期（0 或 7 为星期日，1 为星期一），例如 0 0 9 * * 1-5",
                $"'{text}' is not a cron expression: six fields, seconds minutes hours day-of-month month day-of-week (0 or 7 is Sunday, 1 Monday), e.g. 0 0 9 * * 1-5.");
            return false;
        }

        cron = parsed;
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, read in <paramref name="zone"/>; null when there is none.</summary>
    public static DateTimeOffset? Next(CronExpression cron, DateTimeOffset after, TimeZoneInfo zone) =>
        cron.GetNextOccurrence(after, zone, inclusive: false);
}
