using System.Globalization;
using Chamber.Campaigns.Email;

namespace Chamber.Campaigns.Tests.Email;

/// <summary>The dates and weekdays letters print, in Chinese and English.</summary>
public sealed class CampaignMailDateTests
{
    [Fact]
    public void Every_weekday_is_named_as_the_Chinese_calendar_names_it()
    {
        var chinese = CultureInfo.GetCultureInfo("zh-CN").DateTimeFormat;
        // 27 April 2026 is a Monday: a whole week from there.
        for (var day = new DateOnly(2026, 4, 27); day < new DateOnly(2026, 5, 4); day = day.AddDays(1))
            Assert.Equal(chinese.GetDayName(day.DayOfWeek), CampaignMail.ChineseWeekday(day));
        Assert.Equal("星期一", CampaignMail.ChineseWeekday(new DateOnly(2026, 4, 27)));
        Assert.Equal("星期日", CampaignMail.ChineseWeekday(new DateOnly(2026, 5, 3)));
    }

    [Fact]
    public void A_meeting_is_dated_in_Beijing_time_whatever_the_moment_is_given_in()
    {
        // 17:30 UTC on 26 April is 01:30 on Monday 27 April in Beijing.
        var fields = CampaignMail.MeetingFields(new DateTimeOffset(2026, 4, 26, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal("2026年4月27日", fields["meetingDate"]);
        Assert.Equal("27 Apr 2026", fields["meetingDateEn"]);
        Assert.Equal("星期一", fields["meetingWeekday"]);
        Assert.Equal("Monday", fields["meetingWeekdayEn"]);
        Assert.Equal("01:30", fields["meetingTime"]);
    }
}
