using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Fires due timers: resumes every bookmark whose due time has come, earliest first, in batches.
/// Hosts racing for the same timer are safe: the bookmark's deletion is part of the commit, so
/// only one resume applies and the others are told it is gone.
/// </summary>
public sealed class TimerSweeper(IWorkflowInstanceStore store, WorkflowRuntime runtime, IOptions<TimerOptions> options,
    ScheduledStarts? scheduledStarts = null, ILogger<TimerSweeper>? logger = null)
{
    /// <summary>Fires everything due at <paramref name="now"/>: scheduled starts, then timers; returns how many fired.</summary>
    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var fired = scheduledStarts is null ? 0 : await scheduledStarts.FireDueAsync(now, cancellationToken);
        while (true)
        {
            var due = await store.DueBookmarksAsync(now, options.Value.BatchSize, cancellationToken);
            // Loaded together in one query; each copy serves one resume (a run changes it), a second
            // timer of the same instance loads afresh.
            var instances = new System.Collections.Concurrent.ConcurrentDictionary<string, LoadedInstance>(
                await store.LoadManyAsync([.. due.Select(b => b.InstanceId).Distinct()], cancellationToken));
            var firedThisBatch = 0;
            // Timers of different instances fire side by side so their commits share transactions;
            // a manual-clock advance calls this once per due moment, which keeps due-time order.
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.FireConcurrency, CancellationToken = cancellationToken },
                async (bookmark, ct) =>
                {
                    try
                    {
                        await runtime.ResumeAsync(bookmark, instances.TryRemove(bookmark.InstanceId, out var preloaded) ? preloaded : null, ct);
                        Interlocked.Increment(ref firedThisBatch);
                    }
                    catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
                    {
                        // Fired by another host, or its instance was cancelled meanwhile.
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One broken instance must not hold up the others; it is tried again next sweep.
                        logger?.LogError(e, "Timer {Bookmark} of instance {Instance} could not fire.", bookmark.BookmarkId, bookmark.InstanceId);
                    }
                });

            fired += firedThisBatch;
            if (due.Count < options.Value.BatchSize || firedThisBatch == 0)
                return fired;
        }
    }

    /// <summary>When the next timer or scheduled start falls due, or null when nothing is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        var timer = await store.NextDueAtAsync(cancellationToken);
        var start = scheduledStarts is null ? null : await scheduledStarts.NextDueAtAsync(cancellationToken);
        return timer is null ? start : start is null ? timer : timer < start ? timer : start;
    }
}
