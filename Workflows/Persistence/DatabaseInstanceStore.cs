using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Chamber.Workflows.Persistence.Sql;
using Chamber.Workflows.Runtime;
using Chamber.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Instances in SQLite or PostgreSQL: the reads of every resume and sweep in plain SQL
/// (<see cref="Sql.EngineSql"/>: EF Core's per-query overhead is larger than SQLite's), commits
/// through one writer with prepared statements (<see cref="CommitWriter"/>). Commits from concurrent callers are gathered into a
/// single transaction (group commit, as databases do with their logs): each caller still returns
/// only after its own data is durable, and a conflict in one commit of a batch sends the batch
/// through again one by one so only that commit fails.
/// </summary>
public sealed class DatabaseInstanceStore : IWorkflowInstanceStore, IAsyncDisposable
{
    private readonly IDbContextFactory<WorkflowsDbContext> _contexts;
    private readonly StorageOptions _storage;
    private readonly TimeProvider _clock;
    private readonly ILogger<DatabaseInstanceStore> _logger;
    private readonly int _maxBatch;
    private readonly Channel<PendingCommit> _commits = Channel.CreateUnbounded<PendingCommit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CommitWriter _writer;
    private readonly Task _writeLoop;

    public DatabaseInstanceStore(IDbContextFactory<WorkflowsDbContext> contexts, TimeProvider clock, IOptions<StorageOptions> options, ILogger<DatabaseInstanceStore> logger)
    {
        _contexts = contexts;
        _storage = options.Value;
        _clock = clock;
        _logger = logger;
        _maxBatch = Math.Max(1, options.Value.MaxCommitBatch);
        _writer = new CommitWriter(() => WorkflowEngineServices.OpenConnection(options.Value));
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    public async Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await LoadManyAsync([instanceId], cancellationToken)).GetValueOrDefault(instanceId);

    public async Task<IReadOnlyDictionary<string, LoadedInstance>> LoadManyAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        var loaded = new Dictionary<string, LoadedInstance>(instanceIds.Count);
        if (instanceIds.Count == 0)
            return loaded;
        await using var connection = WorkflowEngineServices.OpenConnection(_storage);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{EngineSql.SelectInstances} WHERE id IN ({command.AddParameterList("@id", instanceIds)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var info = new WorkflowInstanceInfo
            {
                Id = reader.GetString(0),
                DefinitionId = reader.GetString(1),
                DefinitionVersionId = reader.GetString(2),
                Version = reader.GetInt32(3),
                Status = Enum.Parse<WorkflowStatus>(reader.GetString(4)),
                CorrelationId = reader.IsDBNull(5) ? null : reader.GetString(5),
                ParentInstanceId = reader.IsDBNull(6) ? null : reader.GetString(6),
                ParentBookmarkId = reader.IsDBNull(7) ? null : reader.GetString(7),
                CreatedAt = Utc(reader.GetDateTime(8)),
                FinishedAt = reader.IsDBNull(9) ? null : Utc(reader.GetDateTime(9)),
                RowVersion = reader.GetInt64(10),
            };
            loaded[info.Id] = new LoadedInstance(info, JsonSerializer.Deserialize<WorkflowState>(reader.GetString(11), StateJson.Options)!);
        }

        return loaded;
    }

    public async Task<BookmarkLocation?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        await using var connection = WorkflowEngineServices.OpenConnection(_storage);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = EngineSql.SelectBookmarkInstance;
        command.AddParameter("@id", bookmarkId);
        return await command.ExecuteScalarAsync(cancellationToken) is string instanceId ? new BookmarkLocation(bookmarkId, instanceId) : null;
    }

    public async Task<IReadOnlyList<BookmarkLocation>> DueBookmarksAsync(DateTimeOffset now, int max, IReadOnlyCollection<string> detachedNames,
        CancellationToken cancellationToken = default)
    {
        await using var connection = WorkflowEngineServices.OpenConnection(_storage);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var excluded = detachedNames.Count == 0 ? "" : $" AND name NOT IN ({command.AddParameterList("@n", detachedNames)})";
        // Same parameter type as the writer's, so SQLite compares like with like.
        command.CommandText = EngineSql.SelectDueBookmarks(excluded);
        command.AddParameter("@now", now.UtcDateTime);
        command.AddParameter("@max", max);
        var due = new List<BookmarkLocation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            due.Add(new BookmarkLocation(reader.GetString(0), reader.GetString(1), Utc(reader.GetDateTime(2))));
        return due;
    }

    public async Task<IReadOnlyList<DueTimer>> DueTimersAsync(string name, DateTimeOffset now, DueTimer? after, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = WorkflowEngineServices.OpenConnection(_storage);
        await connection.OpenAsync(cancellationToken);
        return await ReadDueTimersAsync(connection, null, EngineSql.SelectDueTimers(afterCursor: after is not null), name, now, after, max, cancellationToken);
    }

    private static async Task<IReadOnlyList<DueTimer>> ReadDueTimersAsync(DbConnection connection, DbTransaction? transaction, string sql, string name,
        DateTimeOffset now, DueTimer? after, int max, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("@now", now.UtcDateTime);
        if (after is not null)
        {
            command.AddParameter("@afterDue", after.DueAt.UtcDateTime);
            command.AddParameter("@afterId", after.BookmarkId);
        }

        command.AddParameter("@name", name);
        command.AddParameter("@max", max);
        var due = new List<DueTimer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DueTimer(reader.GetString(0), reader.GetString(1), reader.GetString(2), Utc(reader.GetDateTime(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return due;
    }

    /// <summary>On PostgreSQL the batch is read FOR UPDATE SKIP LOCKED in a transaction its write commits.</summary>
    public async Task<DueTimerClaim> ClaimDueTimersAsync(string name, DateTimeOffset now, DueTimer? after, int max, CancellationToken cancellationToken = default)
    {
        if (_storage.Provider != StorageProvider.Postgres)
            return new DueTimerClaim(await DueTimersAsync(name, now, after, max, cancellationToken), AdvanceTimersAsync);

        var connection = WorkflowEngineServices.OpenConnection(_storage);
        DbTransaction? transaction = null;
        try
        {
            await connection.OpenAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            var due = await ReadDueTimersAsync(connection, transaction, EngineSql.SelectDueTimers(after is not null, claim: true), name, now, after, max, cancellationToken);
            var claimed = transaction;
            return new DueTimerClaim(due,
                async (advances, ct) =>
                {
                    var written = advances.Count == 0 ? [] : await TimerAdvanceWriter.WriteAsync(connection, claimed, advances, ct);
                    await claimed.CommitAsync(ct);
                    return written;
                },
                async () =>
                {
                    await claimed.DisposeAsync();
                    await connection.DisposeAsync();
                });
        }
        catch
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<TimerAdvance>> AdvanceTimersAsync(IReadOnlyList<TimerAdvance> advances, CancellationToken cancellationToken = default)
    {
        if (advances.Count == 0)
            return [];
        await using var connection = WorkflowEngineServices.OpenConnection(_storage);
        await connection.OpenAsync(cancellationToken);
        return await TimerAdvanceWriter.WriteAsync(connection, advances, cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = WorkflowEngineServices.OpenConnection(_storage);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = EngineSql.SelectNextDueAt;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Utc(reader.GetDateTime(0)) : null;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public async Task<IReadOnlyList<BookmarkLocation>> FindBookmarksAsync(string name, string key, string? correlationId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Bookmarks.AsNoTracking().Where(b => b.Name == name && b.Key == key);
        if (correlationId is not null)
            query = query.Where(b => b.CorrelationId == correlationId);
        return await query.OrderBy(b => b.CreatedAt).Select(b => new BookmarkLocation(b.Id, b.InstanceId)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var segments = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence)
            .Select(j => j.Entries).ToListAsync(cancellationToken);
        return [.. segments.SelectMany(s => JsonSerializer.Deserialize<List<JournalEntry>>(s, StateJson.Options)!)];
    }

    public async Task<IReadOnlyList<DispatchRecord>> PendingDispatchesAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Dispatches.AsNoTracking().Where(d => d.NextAttemptAt == null || d.NextAttemptAt <= now)
            .OrderBy(d => d.CreatedAt).Take(max).ToListAsync(cancellationToken);
    }

    public async Task RecordDispatchFailureAsync(string dispatchId, string error, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var dispatch = await db.Dispatches.FirstOrDefaultAsync(d => d.Id == dispatchId, cancellationToken);
        if (dispatch is null)
            return;
        dispatch.Attempts++;
        dispatch.NextAttemptAt = _clock.GetUtcNow().UtcDateTime + DispatchRecord.Backoff(dispatch.Attempts);
        dispatch.LastError = error.Length > 2000 ? error[..2000] : error;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteDispatchAsync(string dispatchId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Dispatches.Where(d => d.Id == dispatchId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ActiveChildrenAsync(string parentInstanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Instances.AsNoTracking()
            .Where(i => i.ParentInstanceId == parentInstanceId
                && i.Status != WorkflowStatus.Finished && i.Status != WorkflowStatus.Cancelled)
            .Select(i => i.Id).ToListAsync(cancellationToken);
    }

    public async Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken = default)
    {
        // Serialising here keeps that work on the callers' threads, in parallel; the writer only writes.
        var pending = new PendingCommit(Prepare(commit), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _commits.Writer.WriteAsync(pending, cancellationToken);
        await pending.Done.Task;
        commit.Info.RowVersion++;
    }

    private PreparedCommit Prepare(InstanceCommit commit)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var info = commit.Info;
        var bookmarks = commit.AddedBookmarks.Select(b => new BookmarkRecord
        {
            Id = b.Id,
            InstanceId = info.Id,
            Name = b.Name,
            Key = b.Key,
            CorrelationId = info.CorrelationId,
            ActivityId = b.ActivityId,
            ActivityType = b.ActivityType,
            DueAt = b.DueAt?.UtcDateTime,
            CreatedAt = b.CreatedAt.UtcDateTime,
            Tag = b.Tag,
            Payload = b.Payload?.GetRawText(),
        }).ToList();
        var journal = commit.Journal.Count == 0 ? null : new JournalSegmentRecord
        {
            InstanceId = info.Id,
            Sequence = info.RowVersion + 1,
            Entries = JsonSerializer.Serialize(commit.Journal, StateJson.Options),
            CreatedAt = now,
        };
        return new PreparedCommit(ToRecord(info, commit.State, info.RowVersion + 1, now), info.RowVersion, commit.RemovedBookmarkIds, bookmarks, journal,
            [.. commit.Children.Select(c => ToRecord(c.Info, c.State, 1, now))], commit.Dispatches, commit.CompletedDispatchId, commit.Outbox);
    }

    private static WorkflowInstanceRecord ToRecord(WorkflowInstanceInfo info, WorkflowState state, long rowVersion, DateTime now) => new()
    {
        Id = info.Id,
        DefinitionId = info.DefinitionId,
        DefinitionVersionId = info.DefinitionVersionId,
        Version = info.Version,
        Status = info.Status,
        CorrelationId = info.CorrelationId,
        ParentInstanceId = info.ParentInstanceId,
        ParentBookmarkId = info.ParentBookmarkId,
        State = JsonSerializer.Serialize(state, StateJson.Options),
        IncidentCount = state.Incidents.Count,
        CreatedAt = info.CreatedAt.UtcDateTime,
        UpdatedAt = now,
        FinishedAt = info.FinishedAt?.UtcDateTime,
        RowVersion = rowVersion,
    };

    private async Task WriteLoopAsync()
    {
        var reader = _commits.Reader;
        var batch = new List<PendingCommit>(_maxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var pending))
                batch.Add(pending);
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingCommit> batch)
    {
        try
        {
            await _writer.WriteAsync([.. batch.Select(p => p.Commit)]);
            foreach (var pending in batch)
                pending.Done.TrySetResult();
        }
        catch (Exception e) when (batch.Count > 1)
        {
            _logger.LogDebug(e, "A batch of {Count} commits failed; writing them one by one.", batch.Count);
            foreach (var pending in batch)
                await WriteAsync([pending]);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _commits.Writer.TryComplete();
        await _writeLoop;
        await _writer.DisposeAsync();
    }

    private sealed record PendingCommit(PreparedCommit Commit, TaskCompletionSource Done);
}
