using Microsoft.Extensions.Options;
using Npgsql;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Work that one host at a time should do (a campaign's launch), held for as long as the work runs:
/// on PostgreSQL a session-level advisory lock on the name, which the server releases by itself if
/// the host dies, so another host carries on; SQLite serves one host, which always gets it.
/// </summary>
public sealed class AdvisoryLock(IOptions<StorageOptions> storage)
{
    /// <summary>The first of the two keys of every lock here: the engine's own namespace of advisory locks.</summary>
    private const int Namespace = 0x5743_4c4b; // "WCLK"

    /// <summary>The lock, or null when another host holds it now.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        if (storage.Value.Provider != StorageProvider.Postgres)
            return new Held(null);
        var connection = new NpgsqlConnection(storage.Value.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Namespace}, hashtext(@name))", connection);
            command.Parameters.AddWithValue("name", name);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Released before the connection goes back to the pool (a pooled session would keep it).</summary>
    private sealed class Held(NpgsqlConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is null)
                return;
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection))
                await command.ExecuteNonQueryAsync();
            await connection.DisposeAsync();
        }
    }
}
