using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Calendar;

/// <summary>
/// Open deadlines of one kind on one Beijing day: tasks due then (what a chamber or a leader must
/// do by that day) or timers due then (reminders, chases, escalations, meetings).
/// </summary>
/// <param name="What">A task's title, or a timer's bookmark name.</param>
/// <param name="NowOff">The day is not a working day on the calendar as it is now.</param>
public sealed record AffectedDeadline(DateOnly Date, string Kind, string What, int Count, bool NowOff);

/// <summary>
/// The deadlines a change of a calendar year may have moved. They were computed, when their step
/// ran, from the calendar as it was then; every one from the first changed day to the end of the
/// year is listed for staff to check (a due date or reminder counted in working days across a
/// changed day would now fall elsewhere).
/// </summary>
public sealed class CalendarDeadlines(IDbContextFactory<WorkflowsDbContext> workflows)
{
    public const string TaskKind = "task";
    public const string TimerKind = "timer";

    public async Task<IReadOnlyList<AffectedDeadline>> FromAsync(DateOnly firstChanged, ChineseBusinessCalendar calendar, CancellationToken cancellationToken = default)
    {
        var from = BeijingTime.At(firstChanged, TimeOnly.MinValue);
        var to = BeijingTime.At(new DateOnly(firstChanged.Year + 1, 1, 1), TimeOnly.MinValue);
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var timers = await db.Bookmarks.AsNoTracking()
            .Where(b => b.DueAt >= from.UtcDateTime && b.DueAt < to.UtcDateTime && b.Name != UserTasks.BookmarkName)
            .Select(b => new { b.Name, b.DueAt }).ToListAsync(cancellationToken);
        // A task's due time is in its payload: the open tasks are few enough (one per chamber and step) to read.
        var payloads = await db.Bookmarks.AsNoTracking().Where(b => b.Name == UserTasks.BookmarkName).Select(b => b.Payload).ToListAsync(cancellationToken);
        var tasks = payloads.Select(TaskPayload.FromJson).Where(t => t.DueAt is { } due && due >= from && due < to).ToList();

        return
        [
            .. tasks.GroupBy(t => (Day: BeijingTime.DayOf(t.DueAt!.Value), t.Title))
                .Select(g => new AffectedDeadline(g.Key.Day, TaskKind, g.Key.Title, g.Count(), !calendar.IsWorkingDay(g.Key.Day)))
                .Concat(timers.GroupBy(t => (Day: BeijingTime.DayOf(new DateTimeOffset(DateTime.SpecifyKind(t.DueAt!.Value, DateTimeKind.Utc))), t.Name))
                    .Select(g => new AffectedDeadline(g.Key.Day, TimerKind, g.Key.Name, g.Count(), !calendar.IsWorkingDay(g.Key.Day))))
                .OrderBy(d => d.Date).ThenBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.What, StringComparer.Ordinal),
        ];
    }
}
