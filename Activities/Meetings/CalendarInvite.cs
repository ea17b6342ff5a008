using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Chamber.Campaigns.Meetings;

/// <summary>Who a meeting invitation comes from and goes to: a display name and an address.</summary>
public sealed record CalendarPerson(string Name, string Address);

/// <summary>
/// A meeting request (RFC 5545/5546, <c>METHOD:REQUEST</c>) built with Ical.Net: the organizer,
/// each chamber address as an attendee asked to reply, the times in Beijing time with the
/// Asia/Shanghai zone written out, and a UID that stays the same for the meeting, so a calendar
/// replaces its entry when a later request with a higher sequence comes, and removes it when a
/// cancellation (<c>METHOD:CANCEL</c>) with the same UID comes.
/// </summary>
public static class CalendarInvite
{
    public const string TimeZone = "Asia/Shanghai";

    public static string Create(string uid, int sequence, string title, string location, string? description,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp, CalendarPerson organizer, IEnumerable<CalendarPerson> attendees) =>
        Build(CalendarMethods.Request, EventStatus.Confirmed, uid, sequence, title, location, description, start, end, stamp, organizer, attendees);

    /// <summary>The meeting called off: the same UID, a higher sequence, <c>METHOD:CANCEL</c> and <c>STATUS:CANCELLED</c>.</summary>
    public static string Cancel(string uid, int sequence, string title, string location,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp, CalendarPerson organizer, IEnumerable<CalendarPerson> attendees) =>
        Build(CalendarMethods.Cancel, EventStatus.Cancelled, uid, sequence, title, location, null, start, end, stamp, organizer, attendees);

    private static string Build(string method, string status, string uid, int sequence, string title, string location, string? description,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp, CalendarPerson organizer, IEnumerable<CalendarPerson> attendees)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Chamber Campaign Workflows//ZH", Method = method };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone));
        var meeting = new CalendarEvent
        {
            Uid = uid,
            Sequence = sequence,
            DtStamp = new CalDateTime(stamp.UtcDateTime, CalDateTime.UtcTzId, hasTime: true),
            DtStart = Beijing(start),
            DtEnd = Beijing(end),
            Summary = title,
            Location = location,
            Description = string.IsNullOrWhiteSpace(description) ? null : description,
            Status = status,
            Transparency = TransparencyType.Opaque,
            Organizer = new Organizer("mailto:" + organizer.Address) { CommonName = organizer.Name },
        };
        foreach (var attendee in attendees)
        {
            meeting.Attendees.Add(new Attendee("mailto:" + attendee.Address)
            {
                CommonName = attendee.Name,
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = EventParticipationStatus.NeedsAction,
                Rsvp = true,
            });
        }

        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The organizer as configured ("名称 &lt;address&gt;" or a bare address).</summary>
    public static CalendarPerson Person(string nameAndAddress)
    {
        var open = nameAndAddress.LastIndexOf('<');
        var close = nameAndAddress.LastIndexOf('>');
        return open >= 0 && close > open
            ? new CalendarPerson(nameAndAddress[..open].Trim().Trim('"'), nameAndAddress[(open + 1)..close].Trim())
            : new CalendarPerson(nameAndAddress.Trim(), nameAndAddress.Trim());
    }

    private static CalDateTime Beijing(DateTimeOffset moment) =>
        new(moment.ToOffset(TimeSpan.FromHours(8)).DateTime, TimeZone, hasTime: true);
}
