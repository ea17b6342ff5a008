using System.Data.Common;
using Chamber.Workflows.Persistence.Sql;
using Chamber.Workflows.Timers;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Writes a batch of fired detached timers in one transaction: each bookmark moves to its next due
/// time and payload only if it is still as it was read, and only then are its messages queued —
/// so a reminder whose request was answered meanwhile is not sent, and a timer fired by two hosts
/// at once is written by one (the other's identical messages would be dropped by their keys anyway).
/// </summary>
internal static class TimerAdvanceWriter
{
    public static async Task<IReadOnlyList<TimerAdvance>> WriteAsync(DbConnection connection, IReadOnlyList<TimerAdvance> advances,
        CancellationToken cancellationToken)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
            await CommitWriter.ConfigureSqliteAsync(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await WriteAsync(connection, transaction, advances, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The same inside a transaction the caller commits (a claim's, which holds the rows it read).</summary>
    public static async Task<IReadOnlyList<TimerAdvance>> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TimerAdvance> advances,
        CancellationToken cancellationToken) =>
        connection.CanCreateBatch
            ? await WriteBatchedAsync(connection, transaction, advances, cancellationToken)
            : await WriteOneByOneAsync(connection, transaction, advances, cancellationToken);

    /// <summary>
    /// PostgreSQL: every move in one round trip, then the messages of those that moved in another —
    /// one statement at a time, the 50,000 reminders of a campaign took 100,000 round trips.
    /// </summary>
    private static async Task<List<TimerAdvance>> WriteBatchedAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<TimerAdvance> advances, CancellationToken cancellationToken)
    {
        await using var moves = Batch(connection, transaction, EngineSql.AdvanceBookmark,
            advances.Select(a => (object?[])[a.Timer.BookmarkId, a.NextDueAt?.UtcDateTime, a.NextPayload, a.Timer.DueAt.UtcDateTime]));
        await moves.ExecuteNonQueryAsync(cancellationToken);
        var written = advances.Where((_, i) => moves.BatchCommands[i].RecordsAffected == 1).ToList();
        var messages = written.SelectMany(a => a.Messages).Select(CommitWriter.OutboxValues).ToList();
        if (messages.Count > 0)
        {
            await using var enqueue = Batch(connection, transaction, EngineSql.InsertOutbox, messages);
            await enqueue.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    private static DbBatch Batch(DbConnection connection, DbTransaction transaction, string sql, IEnumerable<object?[]> rows)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var values in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            CommitWriter.Bind(command.Parameters, command.CreateParameter, values);
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    /// <summary>SQLite: no round trips to save, statement by statement on two reused commands.</summary>
    private static async Task<List<TimerAdvance>> WriteOneByOneAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<TimerAdvance> advances, CancellationToken cancellationToken)
    {
        await using var advance = Command(connection, transaction, EngineSql.AdvanceBookmark);
        await using var enqueue = Command(connection, transaction, EngineSql.InsertOutbox);
        var written = new List<TimerAdvance>(advances.Count);
        foreach (var a in advances)
        {
            CommitWriter.Bind(advance.Parameters, advance.CreateParameter,
                [a.Timer.BookmarkId, a.NextDueAt?.UtcDateTime, a.NextPayload, a.Timer.DueAt.UtcDateTime]);
            if (await advance.ExecuteNonQueryAsync(cancellationToken) != 1)
                continue;
            foreach (var message in a.Messages)
            {
                CommitWriter.Bind(enqueue.Parameters, enqueue.CreateParameter, CommitWriter.OutboxValues(message));
                await enqueue.ExecuteNonQueryAsync(cancellationToken);
            }

            written.Add(a);
        }

        return written;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
