using System.Text.Json;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Instances kept in process memory, with the same commit rules as the database store (row
/// versions, bookmark consumption). For tests and the in-memory benchmark; not durable.
/// </summary>
public sealed class InMemoryInstanceStore : IWorkflowInstanceStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (WorkflowInstanceInfo Info, WorkflowState State)> _instances = [];
    private readonly Dictionary<string, (Bookmark Bookmark, string InstanceId, string? CorrelationId)> _bookmarks = [];
    private readonly Dictionary<string, List<JournalEntry>> _journal = [];
    private readonly Dictionary<string, DispatchRecord> _dispatches = [];

    public Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_instances.TryGetValue(instanceId, out var stored))
                return Task.FromResult<LoadedInstance?>(null);
            // A JSON round trip gives the caller its own copy, as loading from a database would.
            var state = JsonSerializer.Deserialize<WorkflowState>(JsonSerializer.SerializeToUtf8Bytes(stored.State, StateJson.Options), StateJson.Options)!;
            return Task.FromResult<LoadedInstance?>(new LoadedInstance(Copy(stored.Info), state));
        }
    }

    public Task<BookmarkLocation?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_bookmarks.TryGetValue(bookmarkId, out var b) ? new BookmarkLocation(bookmarkId, b.InstanceId) : null);
        }
    }

    public Task<IReadOnlyList<BookmarkLocation>> FindBookmarksAsync(string name, string key, string? correlationId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<BookmarkLocation> found = [.. _bookmarks.Values
                .Where(b => b.Bookmark.Name == name && b.Bookmark.Key == key && (correlationId is null || b.CorrelationId == correlationId))
                .Select(b => new BookmarkLocation(b.Bookmark.Id, b.InstanceId))];
            return Task.FromResult(found);
        }
    }

    public Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var info = commit.Info;
            var current = _instances.TryGetValue(info.Id, out var stored) ? stored.Info.RowVersion : 0;
            if (current != info.RowVersion)
                throw new ConcurrencyConflictException($"Instance {info.Id} was changed by someone else.");
            if (commit.RemovedBookmarkIds.Any(id => !_bookmarks.ContainsKey(id)))
                throw new ConcurrencyConflictException($"A bookmark of instance {info.Id} was already resumed.");
            if (commit.CompletedDispatchId is { } dispatchId && !_dispatches.Remove(dispatchId))
                throw new ConcurrencyConflictException($"Dispatch {dispatchId} was already processed.");

            var saved = Copy(info);
            saved.RowVersion = info.RowVersion + 1;
            _instances[info.Id] = (saved, commit.State);
            foreach (var id in commit.RemovedBookmarkIds)
                _bookmarks.Remove(id);
            foreach (var bookmark in commit.AddedBookmarks)
                _bookmarks[bookmark.Id] = (bookmark, info.Id, info.CorrelationId);
            if (!_journal.TryGetValue(info.Id, out var journal))
                _journal[info.Id] = journal = [];
            journal.AddRange(commit.Journal);
            foreach (var child in commit.Children)
            {
                var childInfo = Copy(child.Info);
                childInfo.RowVersion = 1;
                _instances[child.Info.Id] = (childInfo, child.State);
            }

            foreach (var dispatch in commit.Dispatches)
                _dispatches[dispatch.Id] = dispatch;
            info.RowVersion = saved.RowVersion;
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<JournalEntry>>(_journal.TryGetValue(instanceId, out var j) ? [.. j] : []);
        }
    }

    public Task<IReadOnlyList<DispatchRecord>> PendingDispatchesAsync(int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DispatchRecord>>([.. _dispatches.Values.OrderBy(d => d.CreatedAt).Take(max)]);
        }
    }

    public Task DeleteDispatchAsync(string dispatchId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _dispatches.Remove(dispatchId);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> ActiveChildrenAsync(string parentInstanceId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _instances.Values
                .Where(i => i.Info.ParentInstanceId == parentInstanceId && !i.Info.Status.IsTerminal() && i.Info.Status != WorkflowStatus.Faulted)
                .Select(i => i.Info.Id)]);
        }
    }

    private static WorkflowInstanceInfo Copy(WorkflowInstanceInfo info) => new()
    {
        Id = info.Id,
        DefinitionId = info.DefinitionId,
        DefinitionVersionId = info.DefinitionVersionId,
        Version = info.Version,
        Status = info.Status,
        CorrelationId = info.CorrelationId,
        ParentInstanceId = info.ParentInstanceId,
        ParentBookmarkId = info.ParentBookmarkId,
        TriggerActivityId = info.TriggerActivityId,
        CreatedAt = info.CreatedAt,
        FinishedAt = info.FinishedAt,
        RowVersion = info.RowVersion,
    };
}
