using Chamber.Workflows.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file every <see cref="StorageOptions.CheckpointInterval"/>,
/// on a connection of its own, so that committing connections never wait for a checkpoint's
/// fsyncs (see <see cref="SqlitePragmas"/>). The checkpoints are passive: they take what they can
/// without blocking a writer or a reader, and leave the rest to the next one.
/// </summary>
internal sealed class WalCheckpointer(IOptions<StorageOptions> options, ILogger<WalCheckpointer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var storage = options.Value;
        // Real time, not the application's clock: that one may be a manual business clock.
        using var timer = new PeriodicTimer(storage.CheckpointInterval > TimeSpan.Zero ? storage.CheckpointInterval : TimeSpan.FromSeconds(1), TimeProvider.System);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    connection ??= await OpenAsync(storage, stoppingToken);
                    await CheckpointAsync(connection, stoppingToken);
                }
                catch (SqliteException e)
                {
                    // The file is locked for longer than busy_timeout, or went away: the next tick tries again.
                    logger.LogWarning("A WAL checkpoint failed: {Error}", e.Message);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private static async Task<SqliteConnection> OpenAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(storage.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await CommitWriter.ConfigureSqliteAsync(connection);
        return connection;
    }

    /// <summary>One passive checkpoint: it copies what it can without waiting for any reader or writer.</summary>
    private static async Task CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSql.PassiveCheckpoint;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
