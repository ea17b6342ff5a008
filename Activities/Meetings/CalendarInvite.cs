using System.Globalization;
using System.Text;

namespace Chamber.Campaigns.Meetings;

/// <summary>An iCalendar (RFC 5545) invitation that mail programs add to a calendar; times in UTC, so no time-zone block is needed.</summary>
public static class CalendarInvite
{
    public static string Create(string uid, string title, string location, string? description, DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Chamber Campaign Workflows//ZH",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:" + Escape(uid),
            "DTSTAMP:" + Utc(stamp),
            "DTSTART:" + Utc(start),
            "DTEND:" + Utc(end),
            "SUMMARY:" + Escape(title),
            "LOCATION:" + Escape(location),
        };
        if (!string.IsNullOrWhiteSpace(description))
            lines.Add("DESCRIPTION:" + Escape(description));
        lines.AddRange(["END:VEVENT", "END:VCALENDAR"]);
        return string.Concat(lines.Select(l => Fold(l) + "\r\n"));
    }

    private static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    internal static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.</summary>
    internal static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.ToString();
    }
}
