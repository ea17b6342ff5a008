using Microsoft.Data.Sqlite;

namespace Chamber.Host.Tests.Persistence;

/// <summary>
/// On SQLite the Host copies the write-ahead log back into the database file in the background:
/// committing connections leave checkpoints to it, yet the file itself soon holds what was committed.
/// </summary>
public sealed class WalCheckpointerTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Chamber.Workflows.Persistence.StorageProvider.Sqlite);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task What_the_host_committed_reaches_the_database_file_without_a_commit_checkpointing_it()
    {
        await using var host = new HostFactory(_database, new Dictionary<string, string> { ["Storage:CheckpointInterval"] = "00:00:00.100" });
        using var client = await host.SignedInClientAsync(); // migrated and seeded: a few hundred KB of WAL, far below a connection's own threshold
        var file = new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (UsersInFileAlone(file) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The seeded administrator never reached the database file: no checkpoint ran.");
            await Task.Delay(100);
        }
    }

    /// <summary>The users a copy of the database file holds without its WAL (0 when its tables are not there yet).</summary>
    private static long UsersInFileAlone(string file)
    {
        var copy = Path.Combine(Path.GetDirectoryName(file)!, "copy-" + Guid.NewGuid().ToString("N") + ".db");
        File.Copy(file, copy);
        try
        {
            using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'host_users'";
            if ((long)command.ExecuteScalar()! == 0)
                return 0;
            command.CommandText = "SELECT count(*) FROM host_users";
            return (long)command.ExecuteScalar()!;
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
