using System.Diagnostics;
using Chamber.Workflows.Persistence;

namespace Chamber.Host.Backup;

/// <summary>
/// <c>Host backup --to FILE</c> and <c>Host restore --from FILE [--force]</c>: the data of the
/// Host the same configuration describes (appsettings, environment, arguments), so an operator
/// backs up exactly the database the service uses. SQLite is copied with SQLite's online backup
/// while the Host runs; PostgreSQL goes through <c>pg_dump</c>/<c>pg_restore</c>. Everything the
/// product keeps (instances, timers, outbox, uploads, jobs, the cookie key ring) is in that one
/// database, so one file is the whole backup.
/// </summary>
public static class DataCommands
{
    public static bool IsDataCommand(string[] args) => args is ["backup" or "restore", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
        var configuration = builder.Configuration;
        try
        {
            var storage = new StorageOptions();
            HostModule.ConfigureStorage(storage, configuration);
            var clock = Stopwatch.StartNew();
            var force = configuration.GetValue("force", false) || args.Contains("--force", StringComparer.Ordinal);
            string report = args[0] == "backup"
                ? storage.Provider == StorageProvider.Postgres
                    ? await PostgresBackup.BackupAsync(storage.ConnectionString, RequiredPath(configuration, "to"), configuration)
                    : SqliteBackup.Backup(storage.ConnectionString, RequiredPath(configuration, "to"))
                : storage.Provider == StorageProvider.Postgres
                    ? await PostgresBackup.RestoreAsync(storage.ConnectionString, RequiredPath(configuration, "from"), force, configuration)
                    : SqliteBackup.Restore(storage.ConnectionString, RequiredPath(configuration, "from"), force);
            Console.WriteLine($"{report} ({clock.Elapsed.TotalSeconds:0.0} s)");
            return 0;
        }
        catch (Exception e) when (e is HostConfigurationException or BackupException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static string RequiredPath(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : throw new BackupException($"--{name} FILE is missing: say where the backup {(name == "to" ? "goes" : "comes from")}.");
}

/// <summary>A backup or restore that cannot go ahead; the message says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
