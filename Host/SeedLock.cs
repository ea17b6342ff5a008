using Chamber.Workflows.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chamber.Host;

/// <summary>
/// What a Host writes on start (the administrator, the shipped workflows) is written by one Host at a
/// time: on PostgreSQL a session-level advisory lock, held while seeding, makes Hosts that start
/// together take turns (the second finds the work done); SQLite serves one Host, so nothing is needed.
/// </summary>
public sealed class SeedLock : IAsyncDisposable
{
    private const long Key = 0x5743_5344; // "WCSD"; the migrations hold a lock of their own ("WCCW").
    private readonly NpgsqlConnection? _connection;

    private SeedLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<SeedLock> AcquireAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider != StorageProvider.Postgres)
            return new SeedLock(null);
        var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new SeedLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
            return;
        // Closing the session would release it too; saying so returns the connection to the pool clean.
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection))
            await command.ExecuteNonQueryAsync();
        await _connection.DisposeAsync();
    }
}
