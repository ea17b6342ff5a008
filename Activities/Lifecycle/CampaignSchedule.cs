using System.Globalization;
using System.Text.Json.Nodes;
using Chamber.Campaigns.Calendar;
using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// A campaign's due dates: the template's (business dates with <c>{year}</c>) as the campaign's
/// settings change them. Only the keys the template dates are dates: a schedule also carries other
/// settings (who scores, how many days).
/// </summary>
public static class CampaignSchedule
{
    /// <summary>Every due date the campaign uses, by key, as business-date text (e.g. 2017-04-30&lt;).</summary>
    public static Dictionary<string, string> DatesOf(CampaignTemplate? template, int year, IReadOnlyDictionary<string, string>? settings)
    {
        var dates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in template?.Schedule as JsonObject ?? [])
        {
            if (value is JsonValue text && text.TryGetValue<string>(out var date))
                dates[key] = date.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (dates.ContainsKey(key) && !string.IsNullOrWhiteSpace(value))
                dates[key] = value.Trim();
        }

        return dates;
    }

    /// <summary>
    /// A federation's campaign may tighten its upper level's deadlines but not loosen them: each due
    /// date both campaigns have must fall on or before the upper one's. Dates that do not resolve are
    /// named elsewhere (<see cref="CampaignService"/>'s schedule check).
    /// </summary>
    public static IEnumerable<string> LoosenedProblems(IReadOnlyDictionary<string, string> dates, IReadOnlyDictionary<string, string> upper, ChineseBusinessCalendar calendar)
    {
        foreach (var (key, text) in dates)
        {
            if (!upper.TryGetValue(key, out var upperText) || Resolve(text, calendar) is not { } day || Resolve(upperText, calendar) is not { } limit || day <= limit)
                continue;
            yield return ReaderText.Of($"截止日期 {key} 不能晚于上级活动的 {limit:yyyy-MM-dd}（只能提前，不能推迟）",
                $"The due date {key} may not be later than the upper campaign's {limit:yyyy-MM-dd}: it can be brought forward, not put back.");
        }
    }

    /// <summary>The earlier of each pair, as a federation's campaign starts: its template's date, unless the upper level's is earlier.</summary>
    public static Dictionary<string, string> Capped(IReadOnlyDictionary<string, string> dates, IReadOnlyDictionary<string, string> upper, ChineseBusinessCalendar calendar) =>
        dates.ToDictionary(d => d.Key, d => upper.TryGetValue(d.Key, out var limit) && Resolve(d.Value, calendar) is { } day && Resolve(limit, calendar) is { } cap && cap < day
            ? limit : d.Value, StringComparer.Ordinal);

    private static DateOnly? Resolve(string text, ChineseBusinessCalendar calendar)
    {
        try
        {
            return BusinessDate.Parse(text).Resolve(calendar);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CalendarYearMissingException)
        {
            return null;
        }
    }
}
