namespace Chamber.Workflows.Persistence.Sql;

/// <summary>The statements only SQLite runs: connection settings, the write-ahead log and its checkpoints (see <see cref="SqlitePragmas"/>).</summary>
internal static class SqliteSql
{
    /// <summary>The settings of every connection that writes.</summary>
    public const string WriterPragmas =
        "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint=16384; PRAGMA journal_size_limit=67108864;";

    /// <summary>The settings of every connection EF Core opens.</summary>
    public const string ConnectionPragmas = WriterPragmas + " PRAGMA foreign_keys=ON;";

    /// <summary>Set once by the migrator; it stays with the database file.</summary>
    public const string UseWriteAheadLog = "PRAGMA journal_mode=WAL;";

    /// <summary>Copies what it can of the log into the database without waiting for any reader or writer.</summary>
    public const string PassiveCheckpoint = "PRAGMA wal_checkpoint(PASSIVE)";
}
