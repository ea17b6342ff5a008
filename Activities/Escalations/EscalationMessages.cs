using System.Text.Json;
using Chamber.Campaigns.Calendar;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Escalations;

/// <summary>
/// Writes escalations as outbox messages that wait for the leaders' next digest. Nobody is told
/// about their own overdue task: a leader who is one of the late approvers is left out.
/// </summary>
public static class EscalationMessages
{
    /// <summary>One message per leader (not a late approver), each due at the next digest after <paramref name="now"/>.</summary>
    /// <param name="key">What makes the escalation unique (instance, step, round); the leader is added to it.</param>
    public static IReadOnlyList<OutboxMessage> For(IReadOnlyList<string> leaders, Escalation escalation, string key, string? instanceId,
        ChineseBusinessCalendar calendar, LeaderDigestOptions options, DateTimeOffset now)
    {
        var late = escalation.Approvers.Select(Tasks.UserTasks.AddressOf).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var deliverAt = NextDigest(calendar, options, now);
        return [.. leaders.Distinct(StringComparer.OrdinalIgnoreCase).Where(l => !late.Contains(l)).Select(leader =>
            new OutboxMessage(Guid.CreateVersion7().ToString("N"), LeaderDigest.Channel, $"{key}/{leader.ToLowerInvariant()}",
                JsonSerializer.Serialize(escalation with { Leader = leader }, StateJson.Options),
                $"{leader} · 督办：{escalation.Chamber ?? string.Join("、", escalation.Approvers)} · {escalation.Title}", instanceId, now, deliverAt))];
    }

    /// <summary>The first digest time at or after <paramref name="now"/>: <see cref="LeaderDigestOptions.SendAt"/> on a working day.</summary>
    public static DateTimeOffset NextDigest(ChineseBusinessCalendar calendar, LeaderDigestOptions options, DateTimeOffset now)
    {
        var day = BeijingTime.DayOf(now);
        try
        {
            for (var i = 0; i < 60; i++, day = day.AddDays(1))
            {
                if (calendar.IsWorkingDay(day) && BeijingTime.At(day, options.SendAt) >= now)
                    return BeijingTime.At(day, options.SendAt);
            }
        }
        catch (CalendarYearMissingException)
        {
            // A year the calendar does not have yet: better told at once than never.
        }

        return now;
    }
}
