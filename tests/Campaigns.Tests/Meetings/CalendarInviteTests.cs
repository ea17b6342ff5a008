using Chamber.Campaigns.Meetings;

namespace Chamber.Campaigns.Tests.Meetings;

public sealed class CalendarInviteTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 25, 14, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void An_invitation_has_utc_times_escaped_text_and_crlf_lines()
    {
        var ics = CalendarInvite.Create("i-1@x", "第二季度推进会; 议程, 总结", "温州市工商联 3楼会议室", "第一行\n第二行", Start, Start.AddHours(2), Start.AddDays(-10));

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260625T063000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20260625T083000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains(@"SUMMARY:第二季度推进会\; 议程\, 总结", ics, StringComparison.Ordinal);
        Assert.Contains(@"DESCRIPTION:第一行\n第二行", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("四好商会创建", 10));
        var folded = CalendarInvite.Fold(line).Split("\r\n ");
        Assert.True(folded.Length > 1);
        Assert.All(folded, part => Assert.True(Encoding.UTF8.GetByteCount(part) <= 75, $"{Encoding.UTF8.GetByteCount(part)} octets"));
        Assert.Equal(line, string.Concat(folded));
    }
}
