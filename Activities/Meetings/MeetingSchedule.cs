using System.Globalization;
using Chamber.Campaigns.Calendar;
using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Meetings;

/// <summary>When a meeting starts: a business date ("2026-06-25", or "2026-06-25&gt;" for the next working day) and a Beijing time.</summary>
public static class MeetingSchedule
{
    public const string DefaultTime = "14:30";

    /// <summary>The start in Beijing time; <see cref="FormatException"/> with the reason, in both languages, when the date or time cannot be read.</summary>
    public static DateTimeOffset Start(string? date, string? time, ChineseBusinessCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(date))
            throw new FormatException(ReaderText.Of("会议需要日期", "The meeting needs a date."));
        DateOnly day;
        try
        {
            day = BusinessDate.Parse(date.Trim()).Resolve(calendar);
        }
        catch (Exception e) when (e is not FormatException)
        {
            throw new FormatException(e.Message, e);
        }

        var clock = string.IsNullOrWhiteSpace(time) ? DefaultTime : time.Trim();
        if (!TimeOnly.TryParseExact(clock, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            throw new FormatException(ReaderText.Of($"“{clock}”不是时间", $"'{clock}' is not a time (hh:mm)."));
        return BeijingTime.At(day, at);
    }
}

/// <summary>A meeting moved by staff: the new date, time and (when given) place.</summary>
public sealed record MeetingMove(string Date, string? Time, string? Location);
