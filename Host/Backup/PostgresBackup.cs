using System.Diagnostics;
using Npgsql;

namespace Chamber.Host.Backup;

/// <summary>
/// <c>pg_dump</c> in its custom format (compressed, restorable table by table) and
/// <c>pg_restore</c> into an empty database. The tools come from <c>Backup:PostgresBin</c>, else the
/// PATH, else the newest <c>/usr/lib/postgresql/*/bin</c> (Debian's layout); the password goes
/// through the environment, never the command line.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<string> BackupAsync(string connectionString, string destination, IConfiguration configuration)
    {
        if (File.Exists(destination))
            throw new BackupException($"{destination} already exists; a backup never overwrites another.");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        File.Delete(partial);
        await RunAsync(Tool("pg_dump", configuration), connectionString, ["--format=custom", "--no-owner", $"--file={partial}"]);
        File.Move(partial, destination);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        return $"Backed up PostgreSQL database {database} to {destination}, {new FileInfo(destination).Length / 1048576.0:0.0} MB";
    }

    public static async Task<string> RestoreAsync(string connectionString, string backup, bool force, IConfiguration configuration)
    {
        if (!File.Exists(backup))
            throw new BackupException($"There is no backup at {backup}.");
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var tables = await CountTablesAsync(connectionString);
        if (tables > 0 && !force)
            throw new BackupException($"Database {database} already holds {tables} tables. Stop every Host, then restore into a new empty database, or run again with --force to replace its contents.");
        // pg_restore reads PGDATABASE only for its connection: without --dbname it would print the SQL instead.
        string[] arguments = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={database}"];
        if (tables > 0)
            arguments = [.. arguments, "--clean", "--if-exists"];
        await RunAsync(Tool("pg_restore", configuration), connectionString, [.. arguments, backup]);
        return $"Restored {backup} into PostgreSQL database {database} ({await CountTablesAsync(connectionString)} tables)";
    }

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task RunAsync(string tool, string connectionString, string[] arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGDATABASE"] = connection.Database;
        if (connection.Password is { Length: > 0 } password)
            start.Environment["PGPASSWORD"] = password;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new BackupException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new BackupException($"{Path.GetFileName(tool)} failed ({process.ExitCode}): {(await errors).Trim()}");
    }

    private static string Tool(string name, IConfiguration configuration)
    {
        if (configuration["Backup:PostgresBin"] is { Length: > 0 } configured)
            return Path.Combine(configured, name);
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
        if (onPath is not null)
            return onPath;
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return debian ?? throw new BackupException($"{name} was not found: install the PostgreSQL client (apt install postgresql-client) or set Backup:PostgresBin.");
    }
}
