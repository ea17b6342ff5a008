using System.Data.Common;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Json;
using Chamber.Workflows.Model;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Persistence.Migrations;
using Chamber.Workflows.Runtime;
using Chamber.Workflows.Timers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Chamber.Workflows;

/// <summary>Registers an activity type with the engine (modules call this for their own activities).</summary>
public sealed record ActivityRegistration(Action<ActivityRegistry> Register);

public static class WorkflowEngineServices
{
    /// <summary>The workflow engine with durable storage (SQLite or PostgreSQL) and the background dispatcher.</summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<StorageOptions> configureStorage)
    {
        services.Configure(configureStorage);
        services.PostConfigure<StorageOptions>(PostgresConnections.Tune);
        var storage = new StorageOptions();
        configureStorage(storage);
        PostgresConnections.Tune(storage);
        services.AddOptions<WorkflowRunnerOptions>();
        services.AddOptions<DispatcherOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp =>
        {
            var registry = new ActivityRegistry().AddBuiltInActivities();
            foreach (var registration in sp.GetServices<ActivityRegistration>())
                registration.Register(registry);
            return registry;
        });
        services.AddOptions<ExpressionOptions>();
        services.AddSingleton(sp => ExpressionCompilers.Create(sp.GetRequiredService<IOptions<ExpressionOptions>>().Value));
        services.AddSingleton<DefinitionJsonReader>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton(sp => new WorkflowRunner(sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<WorkflowRunnerOptions>>().Value));
        services.AddSingleton<InstanceLocks>();

        services.AddPooledDbContextFactory<WorkflowsDbContext>((sp, db) => db.UseConfiguredStorage(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IWorkflowInstanceStore, DatabaseInstanceStore>();
        if (storage.Provider == StorageProvider.Sqlite)
            services.AddHostedService<WalCheckpointer>();
        services.AddSingleton<DefinitionService>();
        services.AddSingleton<IWorkflowGraphSource>(sp => sp.GetRequiredService<DefinitionService>());

        services.AddSingleton<WorkflowDispatcher>();
        services.AddSingleton<IDispatchQueue>(sp => sp.GetRequiredService<WorkflowDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowDispatcher>());
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<Outbox.OutboxSignal>();
        services.AddSingleton<Outbox.BulkWork>();
        services.AddSingleton<AdvisoryLock>();
        services.AddSingleton<Outbox.OutboxStore>();

        services.AddOptions<TimerOptions>();
        services.AddSingleton<ScheduledStarts>();
        services.AddSingleton<TimerSweeper>();
        services.AddQuartzTimerSweep(storage);
        services.AddSingleton(sp => sp.GetRequiredService<TimeProvider>() is ManualClock manual
            ? new ClockAdvancer(manual, sp.GetRequiredService<TimerSweeper>(), sp.GetRequiredService<WorkflowRuntime>())
            : throw new InvalidOperationException("The clock can only be advanced in manual clock mode (Clock:Mode=Manual)."));

        services.AddSingleton(new MigrationSource("workflows", typeof(WorkflowEngineServices).Assembly));
        return services;
    }

    public static IServiceCollection AddActivity<T>(this IServiceCollection services) where T : Activity, new() =>
        services.AddSingleton(new ActivityRegistration(r => r.Register<T>()));

    /// <summary>Creates or upgrades the database with every module's migrations. Call once at start-up.</summary>
    public static async Task MigrateWorkflowDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var runner = new MigrationRunner(storage.Provider, () => OpenConnection(storage), services.GetService<ILoggerFactory>()?.CreateLogger<MigrationRunner>());
        await runner.MigrateAsync(services.GetServices<MigrationSource>(), cancellationToken: cancellationToken);
    }

    /// <summary>A raw connection to the configured database (SQLite's folder is created on first use).</summary>
    public static DbConnection OpenConnection(StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Postgres)
            return new NpgsqlConnection(storage.ConnectionString);
        if (!SqliteFolders.ContainsKey(storage.ConnectionString))
        {
            var builder = new SqliteConnectionStringBuilder(storage.ConnectionString);
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:")
                Directory.CreateDirectory(directory);
            SqliteFolders.TryAdd(storage.ConnectionString, true);
        }

        return new SqliteConnection(storage.ConnectionString);
    }

    // Connection strings whose folder exists: a connection is opened per query, a folder made once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> SqliteFolders = new(StringComparer.Ordinal);
}
