using System.Text;

namespace Chamber.Campaigns.Meetings;

/// <summary>
/// One meeting's calendar message for many recipients, each copy naming only its own attendees —
/// a campaign meeting's invitations to every participant. Ical.Net builds and writes the calendar
/// once (<see cref="CalendarInvite"/>) with a stand-in attendee; each copy puts its attendees in
/// the stand-in's place and folds the long lines again. Why not Ical.Net for every copy: building
/// and writing a calendar took about 90 µs of CPU, three quarters of an invitation's whole cost,
/// and 50,000 invitations took 8.7 s to enqueue on two cores (ops/BENCHMARKS.md).
/// </summary>
public sealed class CalendarRequest
{
    // Plain ASCII stand-ins, which Ical.Net writes as they are (no quoting, no escaping).
    private const string NameToken = "CCW-ATTENDEE-NAME";
    private const string AddressToken = "ccw-attendee@placeholder.invalid";
    private const int MaxLineOctets = 75;

    private readonly string _before;
    private readonly string _attendeeLine;
    private readonly string _after;

    private CalendarRequest(string written)
    {
        // Unfolded, so the stand-in's line is one line whatever its length.
        var lines = written.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal).Split("\r\n");
        var at = Array.FindIndex(lines, l => l.StartsWith("ATTENDEE", StringComparison.Ordinal) && l.Contains(AddressToken, StringComparison.Ordinal));
        if (at < 0)
            throw new InvalidOperationException("The calendar was written without its stand-in attendee.");
        _before = string.Join("\r\n", lines[..at]);
        _attendeeLine = lines[at];
        _after = string.Join("\r\n", lines[(at + 1)..]);
    }

    /// <summary>The meeting request (<c>METHOD:REQUEST</c>), as <see cref="CalendarInvite.Create"/> writes it, for copies to many recipients.</summary>
    public static CalendarRequest Request(string uid, int sequence, string title, string location, string? description,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp, CalendarPerson organizer) =>
        new(CalendarInvite.Create(uid, sequence, title, location, description, start, end, stamp, organizer, [StandIn]));

    /// <summary>The cancellation (<c>METHOD:CANCEL</c>), as <see cref="CalendarInvite.Cancel"/> writes it, for copies to many recipients.</summary>
    public static CalendarRequest Cancellation(string uid, int sequence, string title, string location,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp, CalendarPerson organizer) =>
        new(CalendarInvite.Cancel(uid, sequence, title, location, start, end, stamp, organizer, [StandIn]));

    private static CalendarPerson StandIn => new(NameToken, AddressToken);

    /// <summary>The copy for these attendees (one recipient's addresses), every line folded to at most 75 octets.</summary>
    public string For(IEnumerable<CalendarPerson> attendees)
    {
        var text = new StringBuilder(_before.Length + _after.Length + 256);
        Fold(text, _before);
        foreach (var attendee in attendees)
        {
            text.Append("\r\n");
            Fold(text, _attendeeLine.Replace(NameToken, ParameterText(attendee.Name), StringComparison.Ordinal)
                .Replace(AddressToken, attendee.Address, StringComparison.Ordinal));
        }

        text.Append("\r\n");
        Fold(text, _after);
        return text.ToString();
    }

    /// <summary>
    /// A name as an iCalendar parameter value (RFC 5545 §3.1): no double quotes or control
    /// characters, and in double quotes when it holds a separator (<c>; : ,</c>).
    /// </summary>
    public static string ParameterText(string name)
    {
        var clean = new string([.. name.Where(c => c != '"' && !char.IsControl(c))]);
        return clean.AsSpan().IndexOfAny(";:,") >= 0 ? $"\"{clean}\"" : clean;
    }

    /// <summary>Appends lines, each folded (CRLF and a space) so that no line is longer than 75 octets and no character is split.</summary>
    private static void Fold(StringBuilder text, string lines)
    {
        var first = true;
        foreach (var line in lines.Split("\r\n"))
        {
            if (!first)
                text.Append("\r\n");
            first = false;
            var octets = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
                if (octets + size > MaxLineOctets)
                {
                    text.Append("\r\n ");
                    octets = 1;
                }

                text.Append(line, i, length);
                octets += size;
                i += length - 1;
            }
        }
    }
}
