using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Durable storage of instances. A commit writes an instance's new state, its bookmark index
/// changes, its journal entries, the children it created and the dispatches it causes in one
/// transaction, and fails with <see cref="ConcurrencyConflictException"/> when someone else
/// committed the instance (or consumed one of its bookmarks) first.
/// </summary>
public interface IWorkflowInstanceStore
{
    Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Several instances in one round trip (those that exist), e.g. all whose timers are due.</summary>
    Task<IReadOnlyDictionary<string, LoadedInstance>> LoadManyAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default);

    Task<BookmarkLocation?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BookmarkLocation>> FindBookmarksAsync(string name, string key, string? correlationId, CancellationToken cancellationToken = default);

    Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Bookmarks with a due time at or before <paramref name="now"/>, earliest first (timers to fire),
    /// except those named in <paramref name="detachedNames"/>, which their handlers fire.
    /// </summary>
    Task<IReadOnlyList<BookmarkLocation>> DueBookmarksAsync(DateTimeOffset now, int max, IReadOnlyCollection<string> detachedNames,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Due bookmarks of one detached timer name with their payloads, in order of due time and id,
    /// after <paramref name="after"/> when given (see <see cref="Timers.IDetachedTimerHandler"/>).
    /// </summary>
    Task<IReadOnlyList<Timers.DueTimer>> DueTimersAsync(string name, DateTimeOffset now, Timers.DueTimer? after, int max,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes fired detached timers in one transaction: each bookmark's next due time and payload,
    /// and its messages. A timer whose bookmark went or moved on since it was read (its activity
    /// removed it, another host fired it) is skipped with its messages. Returns the advances written.
    /// </summary>
    Task<IReadOnlyList<Timers.TimerAdvance>> AdvanceTimersAsync(IReadOnlyList<Timers.TimerAdvance> advances, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="DueTimersAsync"/>, taken for this sweep until written (<see cref="Timers.DueTimerClaim"/>);
    /// a store without row locks reads them.
    /// </summary>
    async Task<Timers.DueTimerClaim> ClaimDueTimersAsync(string name, DateTimeOffset now, Timers.DueTimer? after, int max,
        CancellationToken cancellationToken = default) =>
        new(await DueTimersAsync(name, now, after, max, cancellationToken), AdvanceTimersAsync);

    /// <summary>The earliest due time of any bookmark, or null when no timer is pending.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Dispatches due now (never failed, or their backoff has passed), oldest first.</summary>
    Task<IReadOnlyList<DispatchRecord>> PendingDispatchesAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed attempt and postpones the dispatch by <see cref="DispatchRecord.Backoff"/>.</summary>
    Task RecordDispatchFailureAsync(string dispatchId, string error, CancellationToken cancellationToken = default);

    Task DeleteDispatchAsync(string dispatchId, CancellationToken cancellationToken = default);

    /// <summary>Children of an instance that have not ended, faulted ones included (to cancel them with their parent).</summary>
    Task<IReadOnlyList<string>> ActiveChildrenAsync(string parentInstanceId, CancellationToken cancellationToken = default);
}

public sealed record LoadedInstance(WorkflowInstanceInfo Info, WorkflowState State);

/// <param name="DueAt">A timer's due time, when the location came from the timer sweep.</param>
public sealed record BookmarkLocation(string BookmarkId, string InstanceId, DateTimeOffset? DueAt = null);

/// <summary>A child instance created by its parent's commit, in status Pending.</summary>
public sealed record PendingChild(WorkflowInstanceInfo Info, WorkflowState State);

public sealed record InstanceCommit(
    WorkflowInstanceInfo Info,
    WorkflowState State,
    IReadOnlyList<Bookmark> AddedBookmarks,
    IReadOnlyList<string> RemovedBookmarkIds,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<PendingChild> Children,
    IReadOnlyList<DispatchRecord> Dispatches,
    string? CompletedDispatchId,
    IReadOnlyList<Outbox.OutboxMessage> Outbox);

/// <summary>Another resume or process changed the instance first; nothing of this commit was written.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
