using Microsoft.Data.Sqlite;

namespace Chamber.Host.Backup;

/// <summary>
/// SQLite's online backup API: it copies the database page by page inside one read transaction, so
/// the copy is a consistent snapshot even while the Host keeps writing (readers never block the
/// write-ahead log). The copy is checked with <c>PRAGMA integrity_check</c> before it is kept.
/// </summary>
internal static class SqliteBackup
{
    public static string Backup(string connectionString, string destination)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        if (!File.Exists(source.DataSource))
            throw new BackupException($"There is no database at {source.DataSource}: run the command from the Host's working directory or give --ConnectionStrings:Workflows.");
        if (File.Exists(destination))
            throw new BackupException($"{destination} already exists; a backup never overwrites another.");

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        File.Delete(partial);
        using (var from = new SqliteConnection(source.ToString()))
        using (var to = Open(partial))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }

        CheckIntegrity(partial);
        File.Move(partial, destination);
        return $"Backed up {source.DataSource} to {destination}, {Megabytes(destination)}";
    }

    public static string Restore(string connectionString, string backup, bool force)
    {
        if (!File.Exists(backup))
            throw new BackupException($"There is no backup at {backup}.");
        CheckIntegrity(backup);

        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        string? keptAside = null;
        if (File.Exists(target))
        {
            if (!force)
                throw new BackupException($"{target} already exists. Stop the Host, then run the restore again with --force: the current database is kept beside it.");
            keptAside = $"{target}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}";
            // The write-ahead log belongs to the file it was written for: both move together.
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(target + suffix))
                    File.Move(target + suffix, keptAside + suffix);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        File.Copy(backup, target);
        return $"Restored {backup} into {target}, {Megabytes(target)}" + (keptAside is null ? "" : $"; the previous database is kept as {keptAside}");
    }

    private static void CheckIntegrity(string path)
    {
        using var connection = Open(path);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = command.ExecuteScalar() as string;
        if (result != "ok")
            throw new BackupException($"{path} is not a sound SQLite database ({result}).");
    }

    private static SqliteConnection Open(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());

    private static string Megabytes(string path) => $"{new FileInfo(path).Length / 1048576.0:0.0} MB";
}
