using Microsoft.Extensions.Options;
using Npgsql;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// Work that one host at a time should do (a campaign's launch, what a Host writes on start), held
/// for as long as the work runs:
/// on PostgreSQL a session-level advisory lock on the name, which the server releases by itself if
/// the host dies, so another host carries on; SQLite serves one host, which always gets it.
/// </summary>
public sealed class AdvisoryLock(IOptions<StorageOptions> storage)
{
    /// <summary>The first of the two keys of every lock here: the engine's own namespace of advisory locks.</summary>
    private const int Namespace = 0x5743_4c4b; // "WCLK"

    /// <summary>The lock, or null when another host holds it now.</summary>
    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default) =>
        LockAsync("pg_try_advisory_lock", name, cancellationToken);

    /// <summary>The lock, once the host holding it (if any) has let it go.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken = default) =>
        (await LockAsync("pg_advisory_lock", name, cancellationToken))!;

    private async Task<IAsyncDisposable?> LockAsync(string function, string name, CancellationToken cancellationToken)
    {
        if (storage.Value.Provider != StorageProvider.Postgres)
            return new Held(null);
        var connection = new NpgsqlConnection(storage.Value.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // pg_advisory_lock returns void (read as DBNull) once it holds the lock; the try form says whether it got it.
            await using var command = new NpgsqlCommand($"SELECT {function}({Namespace}, hashtext(@name))", connection);
            command.Parameters.AddWithValue("name", name);
            if (await command.ExecuteScalarAsync(cancellationToken) is not false)
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
