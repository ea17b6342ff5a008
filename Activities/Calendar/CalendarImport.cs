using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ical.Net.CalendarComponents;

namespace Chamber.Campaigns.Calendar;

/// <summary>The file formats a year of holidays comes in.</summary>
public enum CalendarFileFormat
{
    /// <summary>Our yearly file (definitions/calendars/cn/YYYY.json).</summary>
    Yearly,

    /// <summary>The chinese-days package's <c>chinese-days.json</c>: every year, "yyyy-MM-dd": "English,中文,days".</summary>
    ChineseDays,

    /// <summary>An iCalendar holiday feed (.ics): all-day events named 春节, 国庆节（休）, 补班…</summary>
    ICalendar,
}

/// <summary>One year read from a file, with the feed's events that change no working day (教师节…) left out.</summary>
public sealed record ImportedCalendarYear(CalendarYear Year, CalendarFileFormat Format, IReadOnlyList<string> Ignored)
{
    /// <summary>Fewer holiday days than a State Council arrangement has (about 28–30): the wrong file or year, perhaps.</summary>
    public bool FewerHolidaysThanUsual => Year.Holidays.Count < 20;
}

/// <summary>
/// Reads a year of statutory holidays and 调休 working days from the files people have: ours, the
/// chinese-days data, or an iCalendar feed such as a phone's "中国节假日" subscription. Throws
/// <see cref="FormatException"/> saying what is wrong; never stores anything.
/// </summary>
public static class CalendarImport
{
    /// <summary>The statutory holidays (国务院办公厅 notices) and their English names, for names and for recognising feed events.</summary>
    private static readonly (string Name, string English, string[] Aliases)[] Statutory =
    [
        ("元旦", "New Year's Day", []),
        ("春节", "Spring Festival", ["除夕"]),
        ("清明节", "Tomb-sweeping Day", ["清明"]),
        ("劳动节", "Labour Day", ["五一", "劳动"]),
        ("端午节", "Dragon Boat Festival", ["端午"]),
        ("中秋节", "Mid-autumn Festival", ["中秋"]),
        ("国庆节", "National Day", ["国庆"]),
    ];

    public static ImportedCalendarYear Read(string text, int year)
    {
        text = text.TrimStart('\uFEFF').Trim();
        if (text.Length == 0)
            throw new FormatException("The file is empty.");
        if (text.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
            return Checked(ReadICalendar(text, year));

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The file is neither JSON nor iCalendar (.ics): {e.Message}", e);
        }

        return root?["holidays"] switch
        {
            JsonArray => Checked(new ImportedCalendarYear(ChineseBusinessCalendar.ParseYear(text, year), CalendarFileFormat.Yearly, [])),
            JsonObject => Checked(ReadChineseDays(root.AsObject(), year)),
            _ => throw new FormatException("The JSON has no \"holidays\": it is neither a yearly calendar file nor chinese-days data."),
        };
    }

    /// <summary>Our yearly file for a year, as <see cref="ChineseBusinessCalendar.ParseYear"/> reads it back.</summary>
    public static string ToYearlyJson(CalendarYear year)
    {
        static JsonArray Days(IEnumerable<CalendarEntry> entries) => [.. entries.Select(e => new JsonObject
        {
            ["date"] = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["name"] = e.Name, ["nameEn"] = e.NameEn,
        })];

        return new JsonObject { ["year"] = year.Year, ["source"] = year.Source, ["holidays"] = Days(year.Holidays), ["workdays"] = Days(year.Workdays) }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static ImportedCalendarYear ReadChineseDays(JsonObject root, int year)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        List<CalendarEntry> Entries(string list) =>
        [
            .. (root[list] as JsonObject ?? []).Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(p =>
            {
                if (!DateOnly.TryParseExact(p.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw new FormatException($"'{p.Key}' in {list} is not a date (yyyy-MM-dd).");
                var parts = (p.Value?.GetValue<string>() ?? "").Split(',');
                return new CalendarEntry(date, parts.Length > 1 ? parts[1].Trim() : parts[0].Trim(), parts[0].Trim());
            }).OrderBy(e => e.Date),
        ];

        var holidays = Entries("holidays");
        var workdays = Entries("workdays");
        if (holidays.Count == 0 && workdays.Count == 0)
        {
            var years = (root["holidays"] as JsonObject ?? []).Select(p => p.Key[..4]).Distinct().Order().ToList();
            throw new FormatException($"The chinese-days data has no days in {year} (it covers {(years.Count == 0 ? "no year" : $"{years[0]}–{years[^1]}")}).");
        }

        var source = root["version"]?.GetValue<string>() is { } version ? $"chinese-days {version}" : "chinese-days";
        return new ImportedCalendarYear(Valid(new CalendarYear(year, source, holidays, workdays)), CalendarFileFormat.ChineseDays, []);
    }

    private static ImportedCalendarYear ReadICalendar(string text, int year)
    {
        Ical.Net.Calendar calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text) ?? throw new FormatException("The iCalendar file holds no calendar.");
        }
        catch (Exception e) when (e is not FormatException)
        {
            throw new FormatException($"The iCalendar file cannot be read: {e.Message}", e);
        }

        var holidays = new SortedDictionary<DateOnly, CalendarEntry>();
        var workdays = new SortedDictionary<DateOnly, CalendarEntry>();
        var ignored = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in calendar.Events)
        {
            var summary = (item.Summary ?? "").Trim();
            var days = Days(item).Where(d => d.Year == year).ToList();
            if (days.Count == 0)
                continue;
            var kind = Classify(summary);
            if (kind is null)
            {
                ignored.Add($"{days[0]:yyyy-MM-dd} {summary}");
                continue;
            }

            var (name, english) = Named(summary);
            foreach (var day in days)
            {
                var target = kind == DayKind.Working ? workdays : holidays;
                target.TryAdd(day, new CalendarEntry(day, name, english));
            }
        }

        if (holidays.Keys.Intersect(workdays.Keys).FirstOrDefault() is var both && both != default)
            throw new FormatException($"{both:yyyy-MM-dd} is both a day off and a working day in the feed.");
        var source = calendar.Properties.Get<string>("X-WR-CALNAME") is { Length: > 0 } name2 ? $"iCalendar: {name2}"
            : calendar.ProductId is { Length: > 0 } product ? $"iCalendar: {product}" : "iCalendar";
        return new ImportedCalendarYear(Valid(new CalendarYear(year, source, [.. holidays.Values], [.. workdays.Values])), CalendarFileFormat.ICalendar,
            [.. ignored]);
    }

    private enum DayKind { Off, Working }

    /// <summary>
    /// 补班 / 上班 / （班） mark a make-up working day; 休 / 假 or a statutory holiday's name mark a day
    /// off; anything else (教师节, 母亲节, 二十四节气…) is an observance that changes no working day.
    /// </summary>
    private static DayKind? Classify(string summary)
    {
        if (summary.Contains("补班", StringComparison.Ordinal) || summary.Contains("上班", StringComparison.Ordinal)
            || summary.Contains("（班）", StringComparison.Ordinal) || summary.Contains("(班)", StringComparison.Ordinal) || summary == "班")
            return DayKind.Working;
        if (summary.Contains('休') || summary.Contains('假') || Statutory.Any(s => summary.StartsWith(s.Name, StringComparison.Ordinal)
            || s.Aliases.Any(a => summary.StartsWith(a, StringComparison.Ordinal))))
            return DayKind.Off;
        return null;
    }

    private static (string Name, string? English) Named(string summary)
    {
        foreach (var (name, english, aliases) in Statutory)
        {
            if (summary.Contains(name, StringComparison.Ordinal) || aliases.Any(a => summary.Contains(a, StringComparison.Ordinal)))
                return (name, english);
        }

        return (summary.Length == 0 ? "节假日" : summary, null);
    }

    /// <summary>The days an all-day event covers (its end is exclusive, as iCalendar says); a timed event counts on its start day.</summary>
    private static IEnumerable<DateOnly> Days(CalendarEvent item)
    {
        if (item.DtStart is null)
            yield break;
        var first = DateOnly.FromDateTime(item.DtStart.Value);
        var end = item.DtEnd is { } dtEnd ? DateOnly.FromDateTime(dtEnd.Value) : first.AddDays(1);
        if (end <= first)
            end = first.AddDays(1);
        for (var day = first; day < end && day < first.AddDays(60); day = day.AddDays(1))
            yield return day;
    }

    /// <summary>The year as <see cref="ChineseBusinessCalendar.ParseYear"/> would accept it (through our own format, so both read alike).</summary>
    private static CalendarYear Valid(CalendarYear year) => ChineseBusinessCalendar.ParseYear(ToYearlyJson(year), year.Year);

    private static ImportedCalendarYear Checked(ImportedCalendarYear imported) => imported.Year.Holidays.Count == 0
        ? throw new FormatException($"The file has no holidays in {imported.Year.Year}.")
        : imported;
}
