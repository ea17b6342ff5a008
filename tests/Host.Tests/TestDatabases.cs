using Npgsql;

namespace Chamber.Host.Tests;

/// <summary>A fresh database per test class: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _postgresName;

    private TestDatabase(StorageProvider provider, string connectionString, string? directory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _postgresName = postgresName;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public StorageOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public static Task<TestDatabase> CreateAsync(StorageProvider provider) =>
        provider == StorageProvider.Postgres ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    private static TestDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ccw-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase(StorageProvider.Sqlite, $"Data Source={Path.Combine(directory, "workflows.db")}", directory, null);
    }

    /// <summary>A SQLite database in a file the caller places (and removes): a disk of its own, for instance.</summary>
    public static TestDatabase SqliteIn(string file) => new(StorageProvider.Sqlite, $"Data Source={file}", null, null);

    /// <summary>The server comes from WORKFLOWS_TEST_POSTGRES, which ops/test sets after starting PostgreSQL.</summary>
    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable("WORKFLOWS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("WORKFLOWS_TEST_POSTGRES is not set: run the tests with ops/test, which starts PostgreSQL.");
        var name = "ccw_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(StorageProvider.Postgres, builder.ConnectionString, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing background task; the temp folder is cleaned later.
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("WORKFLOWS_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
                {
                    // FORCE cannot end a server-owned backend (autovacuum) that happens to be in the
                    // database; it leaves soon. A database left behind dies with ops/test's server.
                    if (attempt == 10)
                        return;
                    await Task.Delay(200);
                }
            }
        }
    }
}
