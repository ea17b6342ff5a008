using Chamber.Campaigns.Meetings;
using Ical.Net.CalendarComponents;

namespace Chamber.Campaigns.Tests.Meetings;

/// <summary>The invitation as a calendar program reads it: parsed back with Ical.Net, and checked on the wire format.</summary>
public sealed class CalendarInviteTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 25, 14, 30, 0, TimeSpan.FromHours(8));

    private static string Invite(int sequence = 0) => CalendarInvite.Create("i-1@x", sequence, "第二季度推进会; 议程, 总结", "温州市工商联 3楼会议室",
        "第一行\n第二行", Start, Start.AddHours(2), Start.AddDays(-10), CalendarInvite.Person("温州市工商联会员部 <member@fic.example>"),
        [new CalendarPerson("五马街道商会", "wuma@example.org"), new CalendarPerson("五马街道商会", "secretary@example.org")]);

    [Fact]
    public void A_request_names_the_organizer_and_asks_each_chamber_address_to_reply()
    {
        var calendar = Ical.Net.Calendar.Load(Invite())!;

        Assert.Equal("REQUEST", calendar.Method);
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal("i-1@x", meeting.Uid);
        Assert.Equal("mailto:member@fic.example", meeting.Organizer!.Value!.ToString());
        Assert.Equal("温州市工商联会员部", meeting.Organizer.CommonName);
        Assert.Equal(["mailto:wuma@example.org", "mailto:secretary@example.org"], meeting.Attendees.Select(a => a.Value!.ToString()));
        Assert.All(meeting.Attendees, a =>
        {
            Assert.True(a.Rsvp);
            Assert.Equal("五马街道商会", a.CommonName);
            Assert.Equal("NEEDS-ACTION", a.ParticipationStatus);
        });
    }

    [Fact]
    public void Times_are_beijing_time_with_the_asia_shanghai_zone_written_out()
    {
        var ics = Invite();
        var calendar = Ical.Net.Calendar.Load(ics)!;

        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20260625T143000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Asia/Shanghai:20260625T163000\r\n", ics, StringComparison.Ordinal);
        Assert.Equal("Asia/Shanghai", Assert.Single(calendar.TimeZones).TzId);
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2026, 6, 25, 6, 30, 0, DateTimeKind.Utc), meeting.DtStart!.AsUtc);
    }

    [Fact]
    public void Text_with_separators_and_lines_survives_and_long_lines_are_folded()
    {
        var ics = Invite();
        var meeting = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);

        Assert.Equal("第二季度推进会; 议程, 总结", meeting.Summary);
        Assert.Equal("第一行\n第二行", meeting.Description);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_request_for_the_same_meeting_keeps_its_uid_and_raises_the_sequence()
    {
        CalendarEvent First(string ics) => Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);

        var (original, update) = (First(Invite()), First(Invite(sequence: 1)));

        Assert.Equal(original.Uid, update.Uid);
        Assert.True(update.Sequence > original.Sequence);
    }

    [Theory]
    [InlineData("工商联会员部 <member@fic.example>", "工商联会员部", "member@fic.example")]
    [InlineData("\"Member Department\" <member@fic.example>", "Member Department", "member@fic.example")]
    [InlineData("member@fic.example", "member@fic.example", "member@fic.example")]
    public void The_organizer_setting_is_read_as_name_and_address(string setting, string name, string address) =>
        Assert.Equal(new CalendarPerson(name, address), CalendarInvite.Person(setting));
}
