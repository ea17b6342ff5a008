using Chamber.Workflows.Diagnostics;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Timers;

/// <summary>
/// Fires due timers: resumes every bookmark whose due time has come, earliest first, in batches.
/// Hosts racing for the same timer are safe: the bookmark's deletion is part of the commit, so
/// only one resume applies and the others are told it is gone. Bookmarks of a detached timer name
/// go to their <see cref="IDetachedTimerHandler"/> instead, a batch at a time, without their instances.
/// </summary>
public sealed class TimerSweeper(IWorkflowInstanceStore store, WorkflowRuntime runtime, IOptions<TimerOptions> options,
    ScheduledStarts? scheduledStarts = null, ILogger<TimerSweeper>? logger = null, IEnumerable<IDetachedTimerHandler>? detachedHandlers = null,
    Outbox.OutboxSignal? outboxSignal = null, Outbox.BulkWork? bulkWork = null, IEnumerable<IScheduledWork>? scheduledWork = null)
{
    private readonly IReadOnlyList<IScheduledWork> _scheduledWork = [.. scheduledWork ?? []];
    private readonly IReadOnlyList<IDetachedTimerHandler> _detached = [.. detachedHandlers ?? []];
    private readonly IReadOnlyCollection<string> _detachedNames = [.. (detachedHandlers ?? []).Select(h => h.BookmarkName)];

    /// <summary>A detached timer whose handler asked for a time already past is tried again this much later, not at once.</summary>
    public static readonly TimeSpan DetachedRetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>Whether bookmarks of this name are fired by a detached handler (and so must not be resumed through their instance).</summary>
    public bool IsDetached(string bookmarkName) => _detachedNames.Contains(bookmarkName);

    /// <summary>Fires everything due at <paramref name="now"/>: scheduled starts, scheduled work, then timers; returns how many fired.</summary>
    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var fired = scheduledStarts is null ? 0 : await scheduledStarts.FireDueAsync(now, cancellationToken);
        foreach (var work in _scheduledWork)
        {
            try
            {
                fired += await work.RunDueAsync(now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger?.LogError(e, "Scheduled work {Work} failed; it is tried again at the next sweep.", work.GetType().Name);
            }
        }

        foreach (var handler in _detached)
        {
            try
            {
                fired += await FireDetachedAsync(handler, now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A handler that cannot work now (its database is away) must not hold up the other timers.
                logger?.LogError(e, "Detached timers {Name} could not fire; they are tried again at the next sweep.", handler.BookmarkName);
            }
        }

        while (true)
        {
            var due = await store.DueBookmarksAsync(now, options.Value.BatchSize, _detachedNames, cancellationToken);
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
                        // Late by the time its firing starts; counted once it has fired (not when another host fired it first).
                        var lateness = bookmark.DueAt is { } dueAt ? Math.Max(0, (runtime.Clock.GetUtcNow() - dueAt).TotalSeconds) : (double?)null;
                        var preloaded = instances.TryRemove(bookmark.InstanceId, out var loaded) ? loaded : null;
                        // On a thread of its own: a step that never yields (SQLite's calls run inline) must not hold this one.
                        await Task.Run(() => runtime.ResumeAsync(bookmark, preloaded, ct), ct).WaitAsync(options.Value.StepWaitLimit, ct);
                        Interlocked.Increment(ref firedThisBatch);
                        if (lateness is { } seconds)
                            WorkflowTelemetry.TimerLateness.Record(seconds);
                    }
                    catch (TimeoutException)
                    {
                        // Counted as fired: its run goes on and commits (or faults) when it ends; waiting for it would stall the sweep.
                        Interlocked.Increment(ref firedThisBatch);
                        logger?.LogError("Timer {Bookmark} of instance {Instance}: its step still runs after {Limit}; the sweep goes on without it.",
                            bookmark.BookmarkId, bookmark.InstanceId, options.Value.StepWaitLimit);
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

    // Batch n + 1 is read and fired while batch n is written (the handler's work is CPU, the
    // writing the database's); the cursor (due time, id) keeps the read off rows still being written.
    private async Task<int> FireDetachedAsync(IDetachedTimerHandler handler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fired = 0;
        DueTimer? after = null;
        Task<int>? writing = null;
        Outbox.BulkWork.Scope? burst = null;
        try
        {
            while (true)
            {
                // Claimed, on PostgreSQL, until written: hosts sweeping at once each fire their own batches.
                var claim = await store.ClaimDueTimersAsync(handler.BookmarkName, now, after, options.Value.BatchSize, cancellationToken);
                var due = claim.Timers;
                if (due.Count == options.Value.BatchSize)
                    burst ??= bulkWork?.Begin(); // a full batch due, likely more: e-mail delivery makes way until the sweep is done
                if (due.Count == 0)
                {
                    await claim.DisposeAsync();
                }
                else
                {
                    IReadOnlyList<TimerAdvance> advances;
                    try
                    {
                        advances = await handler.FireAsync(due, now, cancellationToken);
                    }
                    catch
                    {
                        await claim.DisposeAsync();
                        throw;
                    }

                    after = due[^1];
                    fired += writing is null ? 0 : await writing;
                    // SQLite's "async" calls run inline: the write gets a thread of its own to overlap.
                    writing = Task.Run(() => WriteAsync(claim, advances, now, cancellationToken), cancellationToken);
                }

                if (due.Count < options.Value.BatchSize)
                    return fired + (writing is null ? 0 : await writing);
            }
        }
        finally
        {
            burst?.Dispose();
        }
    }

    private async Task<int> WriteAsync(DueTimerClaim claim, IReadOnlyList<TimerAdvance> advances, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<TimerAdvance> written;
        await using (claim)
        {
            // A next time not after now would hand the timer over again at the next sweep, at once.
            written = await claim.WriteAsync([.. advances.Select(a => a.NextDueAt <= now ? a with { NextDueAt = now + DetachedRetryDelay } : a)], cancellationToken);
        }

        foreach (var channel in written.SelectMany(a => a.Messages).Select(m => m.Channel).Distinct())
            outboxSignal?.Pulse(channel);
        // Reminders are timers too: how late each fired, measured at the sweep's moment.
        foreach (var advance in written)
            WorkflowTelemetry.TimerLateness.Record(Math.Max(0, (now - advance.Timer.DueAt).TotalSeconds));
        return written.Count;
    }

    /// <summary>When the next timer or scheduled start falls due, or null when nothing is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset?[] candidates =
        [
            await store.NextDueAtAsync(cancellationToken),
            scheduledStarts is null ? null : await scheduledStarts.NextDueAtAsync(cancellationToken),
            .. await Task.WhenAll(_scheduledWork.Select(w => w.NextDueAtAsync(cancellationToken))),
        ];
        return candidates.Where(c => c is not null).Min();
    }
}
