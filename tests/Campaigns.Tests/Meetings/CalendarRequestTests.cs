using Chamber.Campaigns.Meetings;

namespace Chamber.Campaigns.Tests.Meetings;

/// <summary>A campaign meeting's copies, one per participant: each reads back, with Ical.Net, as the invitation Ical.Net would have written for it alone.</summary>
public sealed class CalendarRequestTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 25, 14, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Stamp = new(2026, 6, 10, 1, 0, 0, TimeSpan.Zero);
    private static readonly CalendarPerson Organizer = CalendarInvite.Person("温州市人民政府经济合作办公室 <jhb@wenzhou.example>");

    private static CalendarRequest Request() => CalendarRequest.Request("m-1@ccw", 2, "第二季度在温异地商会工作例会", "温州市人民政府经济合作办公室会议室",
        "各商会交流规范化建设进展；取长补短, 相互借鉴", Start, Start.AddHours(2), Stamp, Organizer);

    [Theory]
    [InlineData("温州台州商会")]
    [InlineData("温州市浙江大学校友会暨在温高校毕业生创业者联合会（筹）附属的一个名字很长很长很长的商会")]
    [InlineData("Shanghai \"Taiwan\" Chamber; Wenzhou, office: 3F")]
    public void A_copy_reads_as_the_invitation_written_for_its_attendees_alone(string name)
    {
        CalendarPerson[] attendees = [new(name, "office@chamber.example"), new(name, "secretary@chamber.example")];
        var copy = Request().For(attendees);
        var alone = CalendarInvite.Create("m-1@ccw", 2, "第二季度在温异地商会工作例会", "温州市人民政府经济合作办公室会议室",
            "各商会交流规范化建设进展；取长补短, 相互借鉴", Start, Start.AddHours(2), Stamp, Organizer, attendees);

        var read = Assert.Single(Ical.Net.Calendar.Load(copy)!.Events);
        var expected = Assert.Single(Ical.Net.Calendar.Load(alone)!.Events);
        Assert.Equal((expected.Uid, expected.Sequence, expected.Summary, expected.Location, expected.Description, expected.DtStart, expected.DtEnd),
            (read.Uid, read.Sequence, read.Summary, read.Location, read.Description, read.DtStart, read.DtEnd));
        Assert.Equal(expected.Attendees.Select(a => (a.Value, a.CommonName?.Replace("\"", "", StringComparison.Ordinal), a.Rsvp, a.ParticipationStatus)),
            read.Attendees.Select(a => (a.Value, a.CommonName, a.Rsvp, a.ParticipationStatus)));
        Assert.Equal("REQUEST", Ical.Net.Calendar.Load(copy)!.Method);
        Assert.All(copy.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.EndsWith("END:VCALENDAR\r\n", copy, StringComparison.Ordinal);
        Assert.DoesNotContain("placeholder", copy, StringComparison.Ordinal);
    }

    [Fact]
    public void Copies_name_only_their_own_attendee()
    {
        var request = Request();
        var first = Ical.Net.Calendar.Load(request.For([new("甲商会", "a@chamber.example")]))!.Events.Single();
        var second = Ical.Net.Calendar.Load(request.For([new("乙商会", "b@chamber.example")]))!.Events.Single();

        Assert.Equal("mailto:a@chamber.example", Assert.Single(first.Attendees).Value!.ToString());
        Assert.Equal(("乙商会", "mailto:b@chamber.example"), (Assert.Single(second.Attendees).CommonName, second.Attendees[0].Value!.ToString()));
        Assert.Equal(first.Uid, second.Uid);
    }

    [Fact]
    public void A_cancellation_copy_withdraws_the_same_meeting()
    {
        var copy = CalendarRequest.Cancellation("m-1@ccw", 3, "第二季度工作例会", "会议室", Start, Start.AddHours(2), Stamp, Organizer)
            .For([new("甲商会", "a@chamber.example")]);
        var calendar = Ical.Net.Calendar.Load(copy)!;
        Assert.Equal(("CANCEL", "CANCELLED", 3), (calendar.Method, calendar.Events.Single().Status, calendar.Events.Single().Sequence));
    }

    [Theory]
    [InlineData("温州商会", "温州商会")]
    [InlineData("A; B", "\"A; B\"")]
    [InlineData("say \"hi\"\n", "say hi")]
    public void Names_become_parameter_values(string name, string expected) => Assert.Equal(expected, CalendarRequest.ParameterText(name));
}
