using System.Data.Common;
using Chamber.Workflows.Persistence.Sql;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Per-connection SQLite settings: WAL (set by the migrator) with synchronous=NORMAL is durable
/// across process crashes and fast; busy_timeout lets concurrent writers wait instead of failing.
/// </summary>
/// <remarks>
/// Checkpoints — copying the WAL back into the database file, with two fsyncs — are the
/// <see cref="WalCheckpointer"/>'s job, on its own thread. SQLite's default has the committing
/// connection run one every 1,000 pages (4 MB), inside its commit: a launch of 20,000 chambers
/// spent a quarter of its time there (10.0 s, against 7.6 s without checkpoints). A connection
/// still checkpoints itself past 16,384 pages (64 MB), in case the checkpointer falls behind or is
/// not running (a process without hosted services); the WAL file is cut back to 64 MB once it is
/// reset.
/// </remarks>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSql.ConnectionPragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSql.ConnectionPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
