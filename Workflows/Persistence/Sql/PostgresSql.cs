using System.Globalization;

namespace Chamber.Workflows.Persistence.Sql;

/// <summary>The statements only PostgreSQL runs.</summary>
internal static class PostgresSql
{
    /// <summary>Held by the migrator for its whole run: even CREATE TABLE IF NOT EXISTS races between hosts on PostgreSQL.</summary>
    public static string AdvisoryLock(long key) => string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_lock({key});");

    public static string AdvisoryUnlock(long key) => string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_unlock({key});");
}
