using System.Collections.Concurrent;
using System.Text.Json;
using Chamber.Workflows.Runtime;
using Chamber.Workflows.Timers;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Instances kept in process memory, with the same commit rules as the database store (row
/// versions, bookmark and dispatch consumption). For tests, benchmarks and embedding; not durable.
/// Commits of different instances proceed in parallel; one instance's commits are serialised.
/// </summary>
/// <param name="keepEnded">
/// False drops finished and cancelled instances at their last commit (a throughput benchmark's
/// heap then measures the engine, not millions of retained results).
/// </param>
public sealed class InMemoryInstanceStore(bool keepEnded = true) : IWorkflowInstanceStore
{
    private readonly Lock[] _stripes = [.. Enumerable.Range(0, 256).Select(_ => new Lock())];
    private readonly ConcurrentDictionary<string, StoredInstance> _instances = new();
    private readonly ConcurrentDictionary<string, StoredBookmark> _bookmarks = new();
    private readonly ConcurrentDictionary<string, DispatchRecord> _dispatches = new();
    private readonly ConcurrentDictionary<string, Outbox.OutboxMessage> _outbox = new();

    /// <summary>Messages committed so far, one per idempotency key (nothing here sends them).</summary>
    public IReadOnlyCollection<Outbox.OutboxMessage> Outbox => [.. _outbox.Values.OrderBy(m => m.CreatedAt)];

    private sealed record StoredInstance(WorkflowInstanceInfo Info, WorkflowState State, List<JournalEntry> Journal);

    private sealed record StoredBookmark(Bookmark Bookmark, string InstanceId, string? CorrelationId);

    public Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (!_instances.TryGetValue(instanceId, out var stored))
            return Task.FromResult<LoadedInstance?>(null);
        // A JSON round trip gives the caller its own copy, as loading from a database would.
        var state = JsonSerializer.Deserialize<WorkflowState>(JsonSerializer.SerializeToUtf8Bytes(stored.State, StateJson.Options), StateJson.Options)!;
        return Task.FromResult<LoadedInstance?>(new LoadedInstance(stored.Info with { }, state));
    }

    public async Task<IReadOnlyDictionary<string, LoadedInstance>> LoadManyAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        var loaded = new Dictionary<string, LoadedInstance>();
        foreach (var id in instanceIds)
        {
            if (await LoadAsync(id, cancellationToken) is { } instance)
                loaded[id] = instance;
        }

        return loaded;
    }

    public Task<BookmarkLocation?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_bookmarks.TryGetValue(bookmarkId, out var b) ? new BookmarkLocation(bookmarkId, b.InstanceId) : null);

    public Task<IReadOnlyList<BookmarkLocation>> FindBookmarksAsync(string name, string key, string? correlationId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<BookmarkLocation> found = [.. _bookmarks.Values
            .Where(b => b.Bookmark.Name == name && b.Bookmark.Key == key && (correlationId is null || b.CorrelationId == correlationId))
            .OrderBy(b => b.Bookmark.CreatedAt)
            .Select(b => new BookmarkLocation(b.Bookmark.Id, b.InstanceId))];
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<BookmarkLocation>> DueBookmarksAsync(DateTimeOffset now, int max, IReadOnlyCollection<string> detachedNames,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BookmarkLocation>>([.. _bookmarks.Values
            .Where(b => b.Bookmark.DueAt <= now && !detachedNames.Contains(b.Bookmark.Name)).OrderBy(b => b.Bookmark.DueAt).Take(max)
            .Select(b => new BookmarkLocation(b.Bookmark.Id, b.InstanceId, b.Bookmark.DueAt))]);

    public Task<IReadOnlyList<DueTimer>> DueTimersAsync(string name, DateTimeOffset now, DueTimer? after, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DueTimer>>([.. _bookmarks.Values
            .Where(b => b.Bookmark.Name == name && b.Bookmark.DueAt <= now
                && (after is null || b.Bookmark.DueAt > after.DueAt || (b.Bookmark.DueAt == after.DueAt && string.CompareOrdinal(b.Bookmark.Id, after.BookmarkId) > 0)))
            .OrderBy(b => b.Bookmark.DueAt).ThenBy(b => b.Bookmark.Id, StringComparer.Ordinal).Take(max)
            .Select(b => new DueTimer(b.Bookmark.Id, b.InstanceId, b.Bookmark.ActivityId, b.Bookmark.DueAt!.Value, b.Bookmark.Payload?.GetRawText()))]);

    public Task<IReadOnlyList<TimerAdvance>> AdvanceTimersAsync(IReadOnlyList<TimerAdvance> advances, CancellationToken cancellationToken = default)
    {
        var written = new List<TimerAdvance>(advances.Count);
        foreach (var advance in advances)
        {
            var timer = advance.Timer;
            lock (StripeOf(timer.InstanceId))
            {
                // The same check as the database's: the bookmark is still there and still due when it was read.
                if (!_bookmarks.TryGetValue(timer.BookmarkId, out var stored) || stored.Bookmark.DueAt != timer.DueAt)
                    continue;
                var payload = advance.NextPayload is null ? (JsonElement?)null : JsonDocument.Parse(advance.NextPayload).RootElement.Clone();
                _bookmarks[timer.BookmarkId] = stored with { Bookmark = stored.Bookmark with { DueAt = advance.NextDueAt, Payload = payload } };
                foreach (var message in advance.Messages)
                    _outbox.TryAdd(message.IdempotencyKey, message);
                written.Add(advance);
            }
        }

        return Task.FromResult<IReadOnlyList<TimerAdvance>>(written);
    }

    public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_bookmarks.Values.Select(b => b.Bookmark.DueAt).Where(d => d is not null).Min());

    public Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        var info = commit.Info;
        lock (StripeOf(info.Id))
        {
            // Check everything before changing anything, so a conflict leaves no trace.
            var stored = _instances.GetValueOrDefault(info.Id);
            if ((stored?.Info.RowVersion ?? 0) != info.RowVersion)
                throw new ConcurrencyConflictException($"Instance {info.Id} was changed by someone else.");
            if (commit.RemovedBookmarkIds.Any(id => !_bookmarks.ContainsKey(id)))
                throw new ConcurrencyConflictException($"A bookmark of instance {info.Id} was already resumed.");
            if (commit.CompletedDispatchId is { } dispatchId && !_dispatches.TryRemove(dispatchId, out _))
                throw new ConcurrencyConflictException($"Dispatch {dispatchId} was already processed.");

            var saved = info with { };
            saved.RowVersion = info.RowVersion + 1;
            if (keepEnded || !info.Status.IsTerminal())
            {
                var journal = stored?.Journal ?? [];
                journal.AddRange(commit.Journal);
                _instances[info.Id] = new StoredInstance(saved, commit.State, journal);
            }
            else
            {
                _instances.TryRemove(info.Id, out _);
            }

            foreach (var id in commit.RemovedBookmarkIds)
                _bookmarks.TryRemove(id, out _);
            foreach (var bookmark in commit.AddedBookmarks)
                _bookmarks[bookmark.Id] = new StoredBookmark(bookmark, info.Id, info.CorrelationId);
            foreach (var child in commit.Children)
            {
                var childInfo = child.Info with { };
                childInfo.RowVersion = 1;
                _instances[child.Info.Id] = new StoredInstance(childInfo, child.State, []);
            }

            foreach (var dispatch in commit.Dispatches)
                _dispatches[dispatch.Id] = dispatch;
            foreach (var message in commit.Outbox)
                _outbox.TryAdd(message.IdempotencyKey, message);
            info.RowVersion = saved.RowVersion;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (!_instances.TryGetValue(instanceId, out var stored))
            return Task.FromResult<IReadOnlyList<JournalEntry>>([]);
        lock (StripeOf(instanceId))
        {
            return Task.FromResult<IReadOnlyList<JournalEntry>>([.. stored.Journal]);
        }
    }

    public Task<IReadOnlyList<DispatchRecord>> PendingDispatchesAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DispatchRecord>>([.. _dispatches.Values
            .Where(d => d.NextAttemptAt is null || d.NextAttemptAt <= DateTime.UtcNow).OrderBy(d => d.CreatedAt).Take(max)]);

    public Task RecordDispatchFailureAsync(string dispatchId, string error, CancellationToken cancellationToken = default)
    {
        if (_dispatches.TryGetValue(dispatchId, out var dispatch))
        {
            dispatch.Attempts++;
            dispatch.NextAttemptAt = DateTime.UtcNow + DispatchRecord.Backoff(dispatch.Attempts);
            dispatch.LastError = error;
        }

        return Task.CompletedTask;
    }

    public Task DeleteDispatchAsync(string dispatchId, CancellationToken cancellationToken = default)
    {
        _dispatches.TryRemove(dispatchId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ActiveChildrenAsync(string parentInstanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _instances.Values
            .Where(i => i.Info.ParentInstanceId == parentInstanceId && !i.Info.Status.IsTerminal())
            .Select(i => i.Info.Id)]);

    private Lock StripeOf(string instanceId) => _stripes[(uint)StringComparer.Ordinal.GetHashCode(instanceId) % (uint)_stripes.Length];
}
