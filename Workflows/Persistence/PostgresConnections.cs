using System.Data.Common;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// How the engine talks to PostgreSQL unless the connection string says otherwise: Npgsql prepares
/// the statements it sees repeated (the commit writer's, the sweep's), so the server parses and
/// plans each once per connection instead of every time. The 50,000-chamber launch went from 20.6 s
/// to 18.1 s and its reminder sweep from 8.0 s to 5.2 s (ops/BENCHMARKS.md). Behind a pooler in
/// transaction mode (PgBouncer before 1.21), set <c>Max Auto Prepare=0</c>.
/// </summary>
public static class PostgresConnections
{
    public const int MaxAutoPrepare = 64;

    public static void Tune(StorageOptions storage)
    {
        if (storage.Provider != StorageProvider.Postgres)
            return;
        // A generic builder holds only the keys the string has, so an explicit setting is seen and kept.
        var given = new DbConnectionStringBuilder { ConnectionString = storage.ConnectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
            return;
        given["Max Auto Prepare"] = MaxAutoPrepare;
        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
            given["Auto Prepare Min Usages"] = 2;
        storage.ConnectionString = given.ConnectionString;
    }
}
