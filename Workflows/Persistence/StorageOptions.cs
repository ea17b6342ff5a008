namespace Chamber.Workflows.Persistence;

/// <summary>Where the engine keeps its data (configuration section <c>Storage</c> and <c>ConnectionStrings:Workflows</c>).</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>An ADO.NET connection string; for SQLite the default is a file under <c>data/</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/workflows.db";

    /// <summary>Commits gathered into one transaction at most (group commit).</summary>
    public int MaxCommitBatch { get; set; } = 256;

    /// <summary>SQLite only: how often the write-ahead log is copied back into the database file (<see cref="WalCheckpointer"/>).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);
}
