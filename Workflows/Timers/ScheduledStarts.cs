using System.Security.Cryptography;
using System.Text;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Starts workflows whose timer triggers fall due. The schedule is a row per trigger beside the
/// definition, kept in step with what is published (<see cref="SyncAsync"/>), and every occurrence
/// starts exactly one instance: the instance id is derived from the occurrence, so a sweep that
/// is repeated after a crash finds the instance already there and only moves the schedule on.
/// </summary>
public sealed class ScheduledStarts(
    IDbContextFactory<WorkflowsDbContext> contexts,
    IWorkflowGraphSource graphs,
    IWorkflowInstanceStore store,
    WorkflowRuntime runtime,
    IOptions<TimerOptions> options,
    ILogger<ScheduledStarts>? logger = null)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Starts an instance for every occurrence due at <paramref name="now"/>, earliest first; returns how many started.</summary>
    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = now.UtcDateTime;
        var due = await db.Schedules.AsNoTracking().Where(s => s.NextDueAt != null && s.NextDueAt <= cutoff)
            .OrderBy(s => s.NextDueAt).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var schedule in due)
        {
            try
            {
                started += await FireAsync(db, schedule, now, cancellationToken) ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken definition must not hold up the other schedules; it is tried again next sweep.
                logger?.LogError(e, "Scheduled start {Schedule} due at {Due} failed.", schedule.Id, schedule.NextDueAt);
            }
        }

        return started;
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var next = await db.Schedules.AsNoTracking().Where(s => s.NextDueAt != null).MinAsync(s => s.NextDueAt, cancellationToken);
        return next is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
    }

    private async Task<bool> FireAsync(WorkflowsDbContext db, WorkflowScheduleRecord schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new DateTimeOffset(DateTime.SpecifyKind(schedule.NextDueAt!.Value, DateTimeKind.Utc));
        var graph = await graphs.GetPublishedAsync(schedule.DefinitionId, cancellationToken);
        var started = false;
        if (graph is not null && graph.Activities.ContainsKey(schedule.ActivityId))
        {
            var instanceId = OccurrenceInstanceId(schedule.Id, due);
            if (await store.LoadAsync(instanceId, cancellationToken) is null)
            {
                var input = new Dictionary<string, object?> { ["scheduledAt"] = due };
                await runtime.StartAsync(graph, input, null, schedule.ActivityId, instanceId, cancellationToken);
                started = true;
            }
        }

        // Compare-and-set on the due time: a republish that changed the schedule meanwhile wins.
        var next = TriggerSchedule.Parse(schedule.Spec, _zone).Next(due, now);
        await db.Schedules.Where(s => s.Id == schedule.Id && s.NextDueAt == schedule.NextDueAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.NextDueAt, next.HasValue ? next.Value.UtcDateTime : null)
                .SetProperty(r => r.LastFiredAt, due.UtcDateTime)
                .SetProperty(r => r.UpdatedAt, now.UtcDateTime), cancellationToken);
        return started;
    }

    /// <summary>The id of the instance an occurrence starts: the same occurrence always gives the same id.</summary>
    internal static string OccurrenceInstanceId(string scheduleId, DateTimeOffset due)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scheduleId}@{due.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("N");
    }

    /// <summary>
    /// Brings a definition's schedule rows in line with its newly published version (or removes
    /// them when nothing is published), inside the caller's transaction. A trigger whose schedule
    /// is unchanged keeps its pending occurrence, so republishing neither repeats nor skips a run.
    /// </summary>
    internal static async Task SyncAsync(WorkflowsDbContext db, string definitionId, WorkflowGraph? published, TimeZoneInfo zone,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Schedules.Where(s => s.DefinitionId == definitionId).ToDictionaryAsync(s => s.ActivityId, cancellationToken);
        var wanted = published is null
            ? []
            : published.Activities.Values.OfType<TimerActivity>()
                .Select(a => (a.Id, Schedule: a.GetTriggerSchedule(zone)))
                .Where(t => t.Schedule is not null)
                .ToDictionary(t => t.Id, t => t.Schedule!);

        foreach (var (activityId, row) in existing)
        {
            if (!wanted.ContainsKey(activityId))
                db.Schedules.Remove(row);
        }

        foreach (var (activityId, schedule) in wanted)
        {
            if (existing.TryGetValue(activityId, out var row) && row.Spec == schedule.Spec)
                continue;
            if (row is null)
            {
                row = new WorkflowScheduleRecord { Id = $"{definitionId}/{activityId}", DefinitionId = definitionId, ActivityId = activityId, Spec = schedule.Spec };
                db.Schedules.Add(row);
            }

            row.Spec = schedule.Spec;
            row.NextDueAt = schedule.First(now)?.UtcDateTime;
            row.UpdatedAt = now.UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
