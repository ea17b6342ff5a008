using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chamber.Workflows.Outbox;

/// <summary>
/// The bursts of the other hosts on one PostgreSQL database (table <c>bulk_work</c>): each burst
/// holds a row it renews every <see cref="Renewal"/> until it ends, with an expiry the database's
/// clock sets (so hosts' clocks, manual ones included, do not matter). What other hosts run is read
/// at most once a <see cref="ReadEvery"/>. A database that cannot be reached counts as no burst:
/// delivery then goes on as it would on one host.
/// </summary>
internal sealed class SharedBulkWork(string connectionString, ILogger? logger)
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private (string Id, CancellationTokenSource Stop)? _mine;
    private (bool Running, long At)? _others; // null until first read

    /// <summary>Announces this host's burst until <see cref="End"/>.</summary>
    public void Begin()
    {
        var burst = (Guid.NewGuid().ToString("N"), new CancellationTokenSource());
        lock (_gate)
            _mine = burst;
        _ = Task.Run(() => AnnounceAsync(burst.Item1, burst.Item2.Token));
    }

    public void End()
    {
        (string Id, CancellationTokenSource Stop)? ended;
        lock (_gate)
        {
            ended = _mine;
            _mine = null;
        }

        if (ended is not { } burst)
            return;
        burst.Stop.Cancel();
        _ = Task.Run(() => ExecuteAsync("DELETE FROM bulk_work WHERE id = @id", burst.Id, CancellationToken.None));
    }

    /// <summary>Whether a burst of another host is under way (read from the database at most once a second).</summary>
    public async ValueTask<bool> OthersRunningAsync(CancellationToken cancellationToken)
    {
        string? mine;
        lock (_gate)
        {
            if (_others is { } known && Environment.TickCount64 - known.At < ReadEvery.TotalMilliseconds)
                return known.Running;
            mine = _mine?.Id;
        }

        var running = false;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM bulk_work WHERE until > now() AND id <> @id)", connection);
            command.Parameters.AddWithValue("id", mine ?? "");
            running = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger?.LogWarning(e, "Other hosts' bursts of work could not be read; e-mail delivery goes on.");
        }

        lock (_gate)
            _others = (running, Environment.TickCount64);
        return running;
    }

    private async Task AnnounceAsync(string id, CancellationToken stop)
    {
        var upsert = $"INSERT INTO bulk_work (id, until) VALUES (@id, now() + interval '{Lease.TotalSeconds} seconds') " +
            "ON CONFLICT (id) DO UPDATE SET until = excluded.until";
        while (!stop.IsCancellationRequested)
        {
            await ExecuteAsync(upsert, id, stop);
            try
            {
                await Task.Delay(Renewal, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ExecuteAsync(string sql, string id, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger?.LogWarning(e, "This host's burst of work could not be announced to the others.");
        }
    }
}
