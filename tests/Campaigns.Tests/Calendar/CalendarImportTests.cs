using System.Text.Json.Nodes;
using Chamber.Campaigns.Calendar;

namespace Chamber.Campaigns.Tests.Calendar;

/// <summary>A year read from each format people have: ours, chinese-days, an iCalendar holiday feed.</summary>
public sealed class CalendarImportTests
{
    private static string Shipped2026 => File.ReadAllText(Path.Combine(RepositoryRoot(), "definitions", "calendars", "cn", "2026.json"));

    [Fact]
    public void Our_yearly_file_reads_as_the_shipped_year()
    {
        var imported = CalendarImport.Read(Shipped2026, 2026);

        Assert.Equal(CalendarFileFormat.Yearly, imported.Format);
        Assert.Equal(ChineseBusinessCalendar.Shipped.Year(2026)!.Holidays, imported.Year.Holidays);
        Assert.False(imported.FewerHolidaysThanUsual);
    }

    [Fact]
    public void Chinese_days_data_gives_the_chosen_years_days_with_both_names()
    {
        // The package's shape, built from the shipped year plus a day of another year that must be left out.
        var shipped = JsonNode.Parse(Shipped2026)!;
        var holidays = new JsonObject { ["2025-10-01"] = "National Day,国庆节,8" };
        var workdays = new JsonObject();
        foreach (var day in shipped["holidays"]!.AsArray())
            holidays[day!["date"]!.GetValue<string>()] = $"{day["nameEn"]},{day["name"]},1";
        foreach (var day in shipped["workdays"]!.AsArray())
            workdays[day!["date"]!.GetValue<string>()] = $"{day["nameEn"]},{day["name"]},1";
        var data = new JsonObject { ["holidays"] = holidays, ["workdays"] = workdays, ["inLieuDays"] = new JsonObject() }.ToJsonString();

        var imported = CalendarImport.Read(data, 2026);

        Assert.Equal(CalendarFileFormat.ChineseDays, imported.Format);
        var expected = ChineseBusinessCalendar.Shipped.Year(2026)!;
        Assert.Equal(expected.Holidays, imported.Year.Holidays);
        Assert.Equal(expected.Workdays, imported.Year.Workdays);
        Assert.Equal("春节", imported.Year.Holidays.First(h => h.Date == new DateOnly(2026, 2, 16)).Name);
        Assert.Equal("Spring Festival", imported.Year.Holidays.First(h => h.Date == new DateOnly(2026, 2, 16)).NameEn);

        var missing = Assert.Throws<FormatException>(() => CalendarImport.Read(data, 2027));
        Assert.Contains("2025–2026", missing.Message, StringComparison.Ordinal);
    }

    private const string Feed = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Example//Holidays//ZH
        X-WR-CALNAME:中国节假日
        BEGIN:VEVENT
        UID:1
        DTSTART;VALUE=DATE:20270101
        DTEND;VALUE=DATE:20270104
        SUMMARY:元旦（休）
        END:VEVENT
        BEGIN:VEVENT
        UID:2
        DTSTART;VALUE=DATE:20270206
        DTEND;VALUE=DATE:20270214
        SUMMARY:春节 假期
        END:VEVENT
        BEGIN:VEVENT
        UID:3
        DTSTART;VALUE=DATE:20270214
        DTEND;VALUE=DATE:20270215
        SUMMARY:春节 补班
        END:VEVENT
        BEGIN:VEVENT
        UID:4
        DTSTART;VALUE=DATE:20270910
        SUMMARY:教师节
        END:VEVENT
        BEGIN:VEVENT
        UID:5
        DTSTART;VALUE=DATE:20261231
        DTEND;VALUE=DATE:20270101
        SUMMARY:跨年（休）
        END:VEVENT
        END:VCALENDAR
        """;

    [Fact]
    public void An_icalendar_feed_gives_days_off_and_make_up_days_and_leaves_observances_out()
    {
        var imported = CalendarImport.Read(Feed.Replace("\n", "\r\n", StringComparison.Ordinal), 2027);

        Assert.Equal(CalendarFileFormat.ICalendar, imported.Format);
        Assert.Equal("iCalendar: 中国节假日", imported.Year.Source);
        // DTEND is exclusive: 1–3 January, 6–13 February.
        Assert.Equal([new(2027, 1, 1), new(2027, 1, 2), new(2027, 1, 3)], imported.Year.Holidays.Where(h => h.Name == "元旦").Select(h => h.Date));
        Assert.Equal(8, imported.Year.Holidays.Count(h => h.Name == "春节"));
        Assert.Equal("Spring Festival", imported.Year.Holidays.First(h => h.Name == "春节").NameEn);
        var makeUp = Assert.Single(imported.Year.Workdays);
        Assert.Equal((new DateOnly(2027, 2, 14), "春节"), (makeUp.Date, makeUp.Name));
        Assert.Equal(["2027-09-10 教师节"], imported.Ignored);
        Assert.True(imported.FewerHolidaysThanUsual); // 11 days: a partial feed is flagged

        var calendar = ChineseBusinessCalendar.Shipped.With(imported.Year);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 14))); // a Sunday made a working day
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));  // a Monday off
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not a calendar", "neither JSON nor iCalendar")]
    [InlineData("""{"name":"x"}""", "no \"holidays\"")]
    [InlineData("""{"year":2027,"holidays":[]}""", "no holidays in 2027")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:元旦\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:补班\r\nEND:VEVENT\r\nEND:VCALENDAR", "both a day off and a working day")]
    public void A_file_that_cannot_be_a_year_of_holidays_is_refused_saying_why(string file, string says)
    {
        var refused = Assert.Throws<FormatException>(() => CalendarImport.Read(file, 2027));
        Assert.Contains(says, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stored_form_reads_back_to_the_same_year()
    {
        var year = CalendarImport.Read(Feed, 2027).Year;
        var again = ChineseBusinessCalendar.ParseYear(CalendarImport.ToYearlyJson(year), 2027);
        Assert.Equal(year.Holidays, again.Holidays);
        Assert.Equal(year.Workdays, again.Workdays);
        Assert.Equal(year.Source, again.Source);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "definitions")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository's definitions folder was not found.");
    }
}
