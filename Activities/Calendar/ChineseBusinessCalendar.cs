using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Calendar;

/// <summary>A named day of a calendar year: a statutory holiday, or a 调休 make-up working day.</summary>
public sealed record CalendarEntry(DateOnly Date, string Name, string? NameEn = null);

/// <summary>One year of the Chinese business calendar as published by the State Council.</summary>
public sealed record CalendarYear(int Year, string? Source, IReadOnlyList<CalendarEntry> Holidays, IReadOnlyList<CalendarEntry> Workdays);

/// <summary>Whether a date is a working day, and the holiday or make-up day it belongs to.</summary>
public sealed record CalendarDay(DateOnly Date, bool Working, string? Name);

/// <summary>A computation needed a year the calendar has no data for; never guessed from weekends.</summary>
public sealed class CalendarYearMissingException(int year)
    : Exception(ReaderText.Of($"业务日历缺少 {year} 年的数据，请管理员补充", $"The business calendar has no data for {year}; an administrator must add that year."))
{
    public int Year { get; } = year;
}

/// <summary>
/// The Chinese business calendar: Monday to Friday are working days except statutory holidays,
/// and some weekend days are working days (调休). Immutable; a new or replaced year gives a new
/// calendar. Every question about a year without data throws <see cref="CalendarYearMissingException"/>.
/// </summary>
public sealed class ChineseBusinessCalendar
{
    private const int MaxSearchDays = 366 * 2;
    private readonly FrozenDictionary<int, CalendarYear> _years;
    private readonly FrozenDictionary<DateOnly, CalendarEntry> _holidays;
    private readonly FrozenDictionary<DateOnly, CalendarEntry> _workdays;

    public ChineseBusinessCalendar(IEnumerable<CalendarYear> years)
    {
        _years = years.ToFrozenDictionary(y => y.Year);
        _holidays = _years.Values.SelectMany(y => y.Holidays).ToFrozenDictionary(e => e.Date);
        _workdays = _years.Values.SelectMany(y => y.Workdays).ToFrozenDictionary(e => e.Date);
    }

    /// <summary>The years shipped with the product (from the chinese-days data under definitions/calendars/cn).</summary>
    public static ChineseBusinessCalendar Shipped { get; } = LoadShipped();

    public IReadOnlyCollection<int> Years => [.. _years.Keys.Order()];

    public CalendarYear? Year(int year) => _years.GetValueOrDefault(year);

    /// <summary>This calendar with <paramref name="year"/> added or replaced.</summary>
    public ChineseBusinessCalendar With(CalendarYear year) => new(_years.Values.Where(y => y.Year != year.Year).Append(year));

    public CalendarDay GetDay(DateOnly date)
    {
        if (!_years.ContainsKey(date.Year))
            throw new CalendarYearMissingException(date.Year);
        if (_workdays.TryGetValue(date, out var makeUp))
            return new CalendarDay(date, true, makeUp.Name);
        if (_holidays.TryGetValue(date, out var holiday))
            return new CalendarDay(date, false, holiday.Name);
        return new CalendarDay(date, date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null);
    }

    public bool IsWorkingDay(DateOnly date) => GetDay(date).Working;

    /// <summary>The date itself when it is a working day, else the first working day after it.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        for (var i = 0; i < MaxSearchDays; i++, date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
                return date;
        }

        throw new InvalidOperationException($"No working day within {MaxSearchDays} days of {date}.");
    }

    /// <summary>The date itself when it is a working day, else the last working day before it.</summary>
    public DateOnly LastWorkingDay(DateOnly date)
    {
        for (var i = 0; i < MaxSearchDays; i++, date = date.AddDays(-1))
        {
            if (IsWorkingDay(date))
                return date;
        }

        throw new InvalidOperationException($"No working day within {MaxSearchDays} days before {date}.");
    }

    /// <summary>
    /// The date <paramref name="days"/> working days after (positive) or before (negative) the given
    /// date, the date itself not counted; zero returns the date unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        for (var remaining = Math.Abs(days); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
                remaining--;
        }

        return date;
    }

    /// <summary>Reads a year file (definitions/calendars/cn/YYYY.json); throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static CalendarYear ParseYear(string json, int? expectedYear = null)
    {
        YearFile file;
        try
        {
            file = JsonSerializer.Deserialize<YearFile>(json, JsonSerializerOptions.Web) ?? throw new FormatException("The calendar year is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The calendar year is not valid JSON: {e.Message}", e);
        }

        var year = expectedYear ?? file.Year;
        if (year is < 2000 or > 2100 || (expectedYear is not null && file.Year != 0 && file.Year != expectedYear))
            throw new FormatException($"The calendar year must be {expectedYear?.ToString(CultureInfo.InvariantCulture) ?? "between 2000 and 2100"} (got {file.Year}).");
        var holidays = Entries(file.Holidays, year, "holidays");
        var workdays = Entries(file.Workdays, year, "workdays");
        if (holidays.Select(h => h.Date).Intersect(workdays.Select(w => w.Date)).FirstOrDefault() is var both && both != default)
            throw new FormatException($"{both:yyyy-MM-dd} is listed both as a holiday and as a working day.");
        return new CalendarYear(year, file.Source, holidays, workdays);
    }

    private static List<CalendarEntry> Entries(List<EntryFile>? entries, int year, string list)
    {
        var result = new List<CalendarEntry>();
        foreach (var entry in entries ?? [])
        {
            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"'{entry.Date}' in {list} is not a date (yyyy-MM-dd).");
            if (date.Year != year)
                throw new FormatException($"{entry.Date} in {list} is not in {year}.");
            if (result.Any(e => e.Date == date))
                throw new FormatException($"{entry.Date} is listed twice in {list}.");
            result.Add(new CalendarEntry(date, string.IsNullOrWhiteSpace(entry.Name) ? list : entry.Name.Trim(), entry.NameEn));
        }

        return [.. result.OrderBy(e => e.Date)];
    }

    private static ChineseBusinessCalendar LoadShipped()
    {
        var assembly = typeof(ChineseBusinessCalendar).Assembly;
        var years = new List<CalendarYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("calendars/cn/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            years.Add(ParseYear(reader.ReadToEnd()));
        }

        return new ChineseBusinessCalendar(years);
    }

    private sealed record YearFile(int Year, string? Source, List<EntryFile>? Holidays, List<EntryFile>? Workdays);

    private sealed record EntryFile(string Date, string? Name, string? NameEn);
}
