using System.Data;
using System.Data.Common;
using Chamber.Workflows.Persistence.Sql;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Writes batches of instance commits with plain prepared SQL on one long-lived connection: the
/// hot path of the engine, where EF Core's change tracking would cost more than the database.
/// The statements are the same on SQLite and PostgreSQL; a row count of zero where one row was
/// expected (stale row version, bookmark or dispatch already consumed) is a conflict.
/// </summary>
internal sealed class CommitWriter(Func<DbConnection> connect) : IAsyncDisposable
{
    private DbConnection? _connection;
    private Dictionary<string, DbCommand>? _commands; // prepared per statement text, reused across batches

    /// <summary>Writes every row of the batch in one transaction; throws <see cref="ConcurrencyConflictException"/> when any commit lost a race.</summary>
    public async Task WriteAsync(IReadOnlyList<PreparedCommit> batch)
    {
        var connection = await ConnectAsync();
        var statements = batch.SelectMany(Statements).ToList();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            // PostgreSQL gets the whole group in one round trip; SQLite has no round trips to save.
            if (connection.CanCreateBatch)
                await ExecuteBatchAsync(connection, transaction, statements);
            else
                await ExecuteOneByOneAsync(transaction, statements);
            await transaction.CommitAsync();
        }
        catch (Exception e) when (e is not ConcurrencyConflictException)
        {
            if (IsUniqueViolation(e))
                throw new ConcurrencyConflictException("Another commit of this instance was written first.", e);
            await ResetAsync();
            throw;
        }
    }

    /// <summary>One SQL statement of a commit; <see cref="Conflict"/> is set when exactly one row must be affected.</summary>
    private sealed record Statement(string Sql, object?[] Values, string? Conflict = null);

    private static IEnumerable<Statement> Statements(PreparedCommit commit)
    {
        var instance = commit.Instance;
        if (commit.ExpectedRowVersion == 0)
        {
            yield return new Statement(EngineSql.InsertInstance, InstanceValues(instance));
        }
        else
        {
            yield return new Statement(EngineSql.UpdateInstance,
                [instance.Id, instance.Status.ToString(), instance.CorrelationId, instance.State, instance.IncidentCount, instance.UpdatedAt,
                 instance.FinishedAt, instance.RowVersion, commit.ExpectedRowVersion],
                $"Instance {instance.Id} was changed by someone else.");
        }

        foreach (var id in commit.RemovedBookmarkIds)
            yield return new Statement(EngineSql.DeleteBookmark, [id], $"Bookmark {id} of instance {instance.Id} was already resumed.");
        foreach (var b in commit.Bookmarks)
            yield return new Statement(EngineSql.InsertBookmark, [b.Id, b.InstanceId, b.Name, b.Key, b.CorrelationId, b.ActivityId, b.ActivityType, b.DueAt, b.CreatedAt, b.Tag, b.Payload]);
        if (commit.Journal is { } j)
            yield return new Statement(EngineSql.InsertJournal, [j.InstanceId, j.Sequence, j.Entries, j.CreatedAt]);
        foreach (var child in commit.Children)
            yield return new Statement(EngineSql.InsertInstance, InstanceValues(child));
        foreach (var d in commit.Dispatches)
            yield return new Statement(EngineSql.InsertDispatch, [d.Id, d.Kind.ToString(), d.InstanceId, d.BookmarkId, d.Payload, d.CreatedAt]);
        if (commit.CompletedDispatchId is { } dispatchId)
            yield return new Statement(EngineSql.DeleteDispatch, [dispatchId], $"Dispatch {dispatchId} was already processed.");
        foreach (var m in commit.Outbox)
        {
            yield return new Statement(EngineSql.InsertOutbox, OutboxValues(m));
        }
    }

    private async Task ExecuteOneByOneAsync(DbTransaction transaction, List<Statement> statements)
    {
        foreach (var statement in statements)
        {
            if (!_commands!.TryGetValue(statement.Sql, out var command))
            {
                command = _connection!.CreateCommand();
                command.CommandText = statement.Sql;
                _commands[statement.Sql] = command;
            }

            command.Transaction = transaction;
            Bind(command.Parameters, command.CreateParameter, statement.Values);
            if (await command.ExecuteNonQueryAsync() != 1 && statement.Conflict is not null)
                throw new ConcurrencyConflictException(statement.Conflict);
        }
    }

    private static async Task ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, List<Statement> statements)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            Bind(command.Parameters, command.CreateParameter, statement.Values);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].Conflict is { } conflict && batch.BatchCommands[i].RecordsAffected != 1)
                throw new ConcurrencyConflictException(conflict);
        }
    }

    internal static void Bind(DbParameterCollection parameters, Func<DbParameter> create, object?[] values)
    {
        while (parameters.Count < values.Length)
        {
            var parameter = create();
            parameter.ParameterName = "@p" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(parameter);
        }

        for (var i = 0; i < values.Length; i++)
        {
            // Reused parameters: the type is inferred afresh from each value (UTC DateTime → timestamptz; null → untyped).
            var parameter = parameters[i];
            parameter.ResetDbType();
            parameter.Value = values[i] ?? DBNull.Value;
        }
    }

    internal static object?[] OutboxValues(Outbox.OutboxMessage m) =>
        [m.Id, m.Channel, m.IdempotencyKey, m.Payload, m.Summary, m.InstanceId, nameof(Outbox.OutboxStatus.Pending), (m.DeliverAt ?? m.CreatedAt).UtcDateTime, m.CreatedAt.UtcDateTime];

    private static object?[] InstanceValues(WorkflowInstanceRecord i) =>
    [
        i.Id, i.DefinitionId, i.DefinitionVersionId, i.Version, i.Status.ToString(), i.CorrelationId, i.ParentInstanceId, i.ParentBookmarkId,
        i.State, i.IncidentCount, i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.RowVersion,
    ];

    private async Task<DbConnection> ConnectAsync()
    {
        if (_connection is { State: ConnectionState.Open })
            return _connection;
        await ResetAsync();
        _connection = connect();
        await _connection.OpenAsync();
        if (_connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            await ConfigureSqliteAsync(_connection);
        }

        _commands = [];
        return _connection;
    }

    /// <summary>A writer's SQLite settings (<see cref="SqliteSql.WriterPragmas"/>).</summary>
    internal static async Task ConfigureSqliteAsync(DbConnection connection)
    {
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqliteSql.WriterPragmas;
        await pragmas.ExecuteNonQueryAsync();
    }

    private async Task ResetAsync()
    {
        if (_commands is not null)
        {
            foreach (var command in _commands.Values)
                await command.DisposeAsync();
            _commands = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    internal static bool IsUniqueViolation(Exception e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => e.InnerException is not null && IsUniqueViolation(e.InnerException),
    };

    public ValueTask DisposeAsync() => new(ResetAsync());
}

/// <summary>The rows of one instance commit, built on the caller's thread before it is queued.</summary>
internal sealed record PreparedCommit(
    WorkflowInstanceRecord Instance,
    long ExpectedRowVersion,
    IReadOnlyList<string> RemovedBookmarkIds,
    IReadOnlyList<BookmarkRecord> Bookmarks,
    JournalSegmentRecord? Journal,
    IReadOnlyList<WorkflowInstanceRecord> Children,
    IReadOnlyList<DispatchRecord> Dispatches,
    string? CompletedDispatchId,
    IReadOnlyList<Outbox.OutboxMessage> Outbox);
