namespace Chamber.Campaigns.Calendar;

/// <summary>
/// Campaign days are Beijing days (China has one time zone, UTC+8, no daylight saving): a deadline
/// is the end of its day there, reminders go out at nine in the morning there.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);

    public static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), Offset);

    /// <summary>The last second of the day: what "due on 30 April" means.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => At(day, new TimeOnly(23, 59, 59));
}
