using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Meetings;

namespace Chamber.Campaigns.Tests.Meetings;

/// <summary>When a campaign meeting's invitations go out and its replies close, counted on the 2026 calendar (Mid-autumn and National Day, with their 调休 Sundays and Saturdays).</summary>
public sealed class CampaignMeetingScheduleTests
{
    private static readonly ChineseBusinessCalendar Calendar = ChineseBusinessCalendar.Shipped;

    private static DateTimeOffset Beijing(int month, int day, int hour = 14, int minute = 30) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_third_quarter_meeting_counts_the_make_up_Sunday_as_a_working_day()
    {
        // 24 Sep: ten working days back passes Sunday 20 Sep (worked for National Day) and stops on Friday 11 Sep.
        Assert.Equal(Beijing(9, 11, 9, 0), CampaignMeeting.NoticeAt(Calendar, Beijing(9, 24), 10));
        Assert.Equal(new DateOnly(2026, 9, 21), CampaignMeeting.ReplyDue(Calendar, Beijing(9, 24), 3, Beijing(9, 11, 9, 0)));
    }

    [Fact]
    public void A_meeting_after_national_day_counts_back_over_the_holiday()
    {
        // 12 Oct: 10 Oct is a make-up Saturday; 1–7 Oct and Mid-autumn (25–27 Sep) are not counted.
        Assert.Equal(new DateOnly(2026, 10, 8), CampaignMeeting.ReplyDue(Calendar, Beijing(10, 12), 3, Beijing(9, 1)));
        Assert.Equal(Beijing(9, 21, 9, 0), CampaignMeeting.NoticeAt(Calendar, Beijing(10, 12), 10));
    }

    [Fact]
    public void Replies_never_close_before_the_invitations_go_out()
    {
        var notice = CampaignMeeting.NoticeAt(Calendar, Beijing(10, 12), 1);
        Assert.Equal(Beijing(10, 10, 9, 0), notice);
        Assert.Equal(new DateOnly(2026, 10, 10), CampaignMeeting.ReplyDue(Calendar, Beijing(10, 12), 3, notice));
    }

    [Fact]
    public void Unset_days_take_the_defaults_of_ten_and_three()
    {
        Assert.Equal(CampaignMeeting.NoticeAt(Calendar, Beijing(9, 24), 10), CampaignMeeting.NoticeAt(Calendar, Beijing(9, 24), 0));
        Assert.Equal(CampaignMeeting.ReplyDue(Calendar, Beijing(9, 24), 3, Beijing(9, 1)), CampaignMeeting.ReplyDue(Calendar, Beijing(9, 24), 0, Beijing(9, 1)));
    }
}
