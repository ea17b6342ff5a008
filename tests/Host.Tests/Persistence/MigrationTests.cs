using Chamber.Workflows;
using Chamber.Workflows.Persistence.Migrations;

namespace Chamber.Host.Tests.Persistence;

/// <summary>Forward-only SQL migrations: a database made by the first schema upgrades without losing data.</summary>
public abstract class MigrationTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly MigrationSource Engine = new("workflows", typeof(WorkflowEngineServices).Assembly);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private MigrationRunner Runner() => new(provider, () => WorkflowEngineServices.OpenConnection(_database.Options));

    [Fact]
    public async Task A_new_database_gets_every_migration_once()
    {
        var first = await Runner().MigrateAsync([Engine]);
        var second = await Runner().MigrateAsync([Engine]);

        Assert.Equal(MigrationRunner.Discover(Engine, provider).Count, first);
        Assert.True(first >= 2);
        Assert.Equal(0, second);
    }

    [Fact]
    public async Task Hosts_migrating_at_the_same_time_apply_each_migration_once()
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Runner().MigrateAsync([Engine]))));

        Assert.Equal(MigrationRunner.Discover(Engine, provider).Count, counts.Sum());
        Assert.Equal(counts.Sum(), await ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Upgrading_from_the_first_schema_keeps_existing_instances_usable()
    {
        await Runner().MigrateAsync([Engine], upToVersion: 1);
        await ExecuteAsync("""
            INSERT INTO workflow_definitions (id, definition_id, version, name, status, is_latest, json, created_at)
            VALUES ('v1', 'approval-fork-join', 1, 'Old', 'Published', @true, @json, @now);
            """, ("@json", Definitions.Read("approval-fork-join.json")));
        // An instance suspended under the first schema, with its bookmark index row.
        await using (var node = EngineNode.Start(_database))
        {
            var started = await NewInstanceStateAsync(node);
            await ExecuteAsync("""
                INSERT INTO workflow_instances (id, definition_id, definition_version_id, version, status, state, incident_count, created_at, updated_at, row_version)
                VALUES ('old-instance', 'approval-fork-join', 'v1', 1, 'Suspended', @state, 0, @now, @now, 1);
                """, ("@state", started.State));
            foreach (var bookmark in started.Bookmarks)
            {
                await ExecuteAsync("""
                    INSERT INTO workflow_bookmarks (id, instance_id, name, key, activity_id, activity_type, created_at)
                    VALUES (@id, 'old-instance', 'Elsa.Event', @key, 'x', 'Elsa.Event', @now);
                    """, ("@id", bookmark.Id), ("@key", bookmark.Key!));
            }
        }

        var applied = await Runner().MigrateAsync([Engine]);

        Assert.Equal(MigrationRunner.Discover(Engine, provider).Count - 1, applied);
        await using var upgraded = EngineNode.Start(_database);
        var results = await upgraded.Runtime.PublishEventAsync("leader-approved", null, null);
        Assert.Equal("old-instance", Assert.Single(results).InstanceId);
        var instance = await upgraded.Store.LoadAsync("old-instance");
        Assert.Equal(WorkflowStatus.Suspended, instance!.Info.Status);
        Assert.Null(instance.Info.ParentInstanceId);
        Assert.Equal(2, instance.Info.RowVersion);
    }

    /// <summary>Runs the definition on a throwaway in-memory store to get a genuine suspended state document.</summary>
    private static async Task<(string State, IReadOnlyList<Bookmark> Bookmarks)> NewInstanceStateAsync(EngineNode node)
    {
        var graph = await node.Definitions.GetVersionAsync("v1") ?? throw new InvalidOperationException("v1 missing");
        var memory = new InMemoryInstanceStore();
        var runtime = new WorkflowRuntime(memory, new InMemoryGraphSource(), new WorkflowRunner(EmptyServices.Instance, TimeProvider.System),
            new InstanceLocks(), new NoDispatchQueue());
        var result = await runtime.StartAsync(graph, null, null, null);
        var loaded = await memory.LoadAsync(result.InstanceId);
        return (System.Text.Json.JsonSerializer.Serialize(loaded!.State, StateJson.Options), result.Bookmarks);
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = WorkflowEngineServices.OpenConnection(_database.Options);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("@true", true);
        command.AddParameter("@now", provider == StorageProvider.Postgres ? DateTime.UtcNow : DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in parameters)
            command.AddParameter(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = WorkflowEngineServices.OpenConnection(_database.Options);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static EmptyServices Instance { get; } = new();

        public object? GetService(Type serviceType) => null;
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(StorageProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(StorageProvider.Postgres);
