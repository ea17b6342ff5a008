using Chamber.Campaigns.Calendar;

namespace Chamber.Campaigns.Tests.Calendar;

public sealed class ChineseBusinessCalendarTests
{
    private static readonly ChineseBusinessCalendar Calendar = ChineseBusinessCalendar.Shipped;

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Ships_every_year_from_2004_through_2026()
    {
        Assert.Equal(Enumerable.Range(2004, 23), Calendar.Years);
    }

    [Theory]
    [InlineData("2026-10-01", false, "国庆节")]
    [InlineData("2026-10-07", false, "国庆节")]
    [InlineData("2026-09-20", true, "国庆节")] // a Sunday worked in exchange (调休)
    [InlineData("2026-10-10", true, "国庆节")] // a Saturday worked in exchange
    [InlineData("2026-10-08", true, null)]
    [InlineData("2026-02-15", false, "春节")]
    [InlineData("2026-02-23", false, "春节")]
    [InlineData("2026-02-14", true, "春节")]
    [InlineData("2026-02-28", true, "春节")]
    [InlineData("2026-05-01", false, "劳动节")]
    [InlineData("2026-05-05", false, "劳动节")]
    [InlineData("2026-04-30", true, null)]
    [InlineData("2026-11-28", false, null)] // an ordinary Saturday
    [InlineData("2026-11-30", true, null)]
    public void Knows_holidays_make_up_days_and_weekends(string date, bool working, string? name)
    {
        var day = Calendar.GetDay(D(date));

        Assert.Equal(working, day.Working);
        Assert.Equal(name, day.Name);
    }

    [Theory]
    [InlineData("2026-04-30", 1, "2026-05-06")]   // the May Day break (May 1–5) is skipped
    [InlineData("2026-05-06", -1, "2026-04-30")]
    [InlineData("2026-09-30", 1, "2026-10-08")]   // National Day, Oct 1–7
    [InlineData("2026-10-09", -3, "2026-09-29")]  // reminders three working days before
    [InlineData("2026-09-19", 1, "2026-09-20")]   // Saturday → the make-up Sunday
    [InlineData("2026-10-09", 1, "2026-10-10")]   // Friday → the make-up Saturday
    [InlineData("2026-02-13", 1, "2026-02-14")]   // Spring Festival make-up Saturday
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2026-03-02", -7, "2026-02-13")]  // back over Spring Festival: Feb 28 and 14 (make-up Saturdays) count
    [InlineData("2026-11-30", 0, "2026-11-30")]
    public void Adds_and_subtracts_working_days(string date, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(date), days));
    }

    [Theory]
    [InlineData("2026-10-01", "2026-10-08")]
    [InlineData("2026-05-01", "2026-05-06")]
    [InlineData("2026-02-15", "2026-02-24")]
    [InlineData("2026-04-30", "2026-04-30")]
    [InlineData("2026-10-10", "2026-10-10")]
    public void A_deadline_on_a_day_off_moves_to_the_next_working_day(string date, string expected)
    {
        Assert.Equal(D(expected), Calendar.NextWorkingDay(D(date)));
    }

    [Fact]
    public void A_year_without_data_is_an_error_not_a_weekend_guess()
    {
        var missing = Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(D("2026-12-31"), 1));

        Assert.Equal(2027, missing.Year);
        Assert.Throws<CalendarYearMissingException>(() => Calendar.GetDay(D("2003-06-02")));
        Assert.Throws<CalendarYearMissingException>(() => Calendar.NextWorkingDay(D("2027-01-01")));
    }

    [Fact]
    public void Once_2027_is_added_the_year_end_deadline_moves_into_it()
    {
        var year2027 = ChineseBusinessCalendar.ParseYear("""
            {"year":2027,"holidays":[{"date":"2027-01-01","name":"元旦"}],"workdays":[]}
            """, 2027);

        var calendar = Calendar.With(year2027);

        Assert.Equal(D("2027-01-04"), calendar.AddWorkingDays(D("2026-12-31"), 1));
        Assert.Equal(D("2026-12-31"), calendar.AddWorkingDays(D("2027-01-04"), -1));
        Assert.Throws<CalendarYearMissingException>(() => Calendar.GetDay(D("2027-01-04")));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"year":2027,"holidays":[{"date":"2028-01-01","name":"元旦"}]}""", "not in 2027")]
    [InlineData("""{"year":2027,"holidays":[{"date":"2027-13-01","name":"x"}]}""", "is not a date")]
    [InlineData("""{"year":2027,"holidays":[{"date":"2027-01-01"}],"workdays":[{"date":"2027-01-01"}]}""", "both as a holiday and as a working day")]
    [InlineData("""{"year":2027,"holidays":[{"date":"2027-01-01"},{"date":"2027-01-01"}]}""", "listed twice")]
    [InlineData("""{"year":2026,"holidays":[]}""", "must be 2027")]
    public void Invalid_year_data_is_rejected_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ChineseBusinessCalendar.ParseYear(json, 2027));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-04-30", "2026-04-30")]
    [InlineData("2026-05-01>", "2026-05-06")]
    [InlineData("2026-11-30-3wd", "2026-11-25")]
    [InlineData("2026-09-30+1wd", "2026-10-08")]
    // "Before the end of October" (10月底前) stays in October when the 31st is a Saturday; ">" would leave it.
    [InlineData("2026-10-31<", "2026-10-30")]
    [InlineData("2026-10-31>", "2026-11-02")]
    [InlineData("2026-05-01<", "2026-04-30")]
    [InlineData("2026-10-03<", "2026-09-30")]
    [InlineData("2026-11-30<", "2026-11-30")]
    public void Business_dates_resolve_on_the_calendar(string text, string expected)
    {
        var date = BusinessDate.Parse(text);

        Assert.Equal(D(expected), date.Resolve(Calendar));
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2026-4-30")]
    [InlineData("2026-04-31")]
    [InlineData("2026-04-30+3")]
    [InlineData("next friday")]
    public void Malformed_business_dates_say_how_to_write_them(string text)
    {
        var error = Assert.Throws<FormatException>(() => BusinessDate.Parse(text));

        // Said in the reader's language (Chinese here), with every form to write.
        Assert.Contains("之前 / 之后第几个工作日", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-30<", error.Message, StringComparison.Ordinal);
    }
}
