using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Chamber.Workflows.Persistence.Sql;
using Microsoft.Extensions.Logging;

namespace Chamber.Workflows.Persistence.Migrations;

/// <summary>A module's migration scripts: embedded resources named <c>migrations/{module}/{Provider}/{NNNN}_{name}.sql</c>.</summary>
public sealed record MigrationSource(string Module, Assembly Assembly);

public sealed record Migration(string Module, int Version, string Name, string Sql);

/// <summary>
/// Applies forward-only SQL migrations, each in its own transaction, recording them in
/// <c>schema_migrations</c>. Safe when several hosts start at once: PostgreSQL serialises on an
/// advisory lock, SQLite on its write lock, and each migration is re-checked under the lock.
/// </summary>
public sealed partial class MigrationRunner(StorageProvider provider, Func<DbConnection> connect, ILogger? logger = null)
{
    private const long AdvisoryLockKey = 0x5743_4357; // "WCCW": one lock for all modules.

    public static IReadOnlyList<Migration> Discover(MigrationSource source, StorageProvider provider)
    {
        var prefix = $"migrations/{source.Module}/{provider}/";
        var migrations = new List<Migration>();
        foreach (var resource in source.Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = FileName().Match(resource[prefix.Length..]);
            if (!match.Success)
                throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
            using var stream = source.Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(source.Module, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    /// <summary>Applies the migrations not applied yet, up to <paramref name="upToVersion"/> per module; returns how many ran.</summary>
    public async Task<int> MigrateAsync(IEnumerable<MigrationSource> sources, int upToVersion = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var connection = connect();
        await connection.OpenAsync(cancellationToken);
        if (provider == StorageProvider.Sqlite)
            await ExecuteAsync(connection, null, SqliteSql.UseWriteAheadLog, cancellationToken);
        else // Held for the whole run: even CREATE TABLE IF NOT EXISTS races between hosts on PostgreSQL.
            await ExecuteAsync(connection, null, PostgresSql.AdvisoryLock(AdvisoryLockKey), cancellationToken);
        try
        {
            return await ApplyAsync(connection, sources, upToVersion, cancellationToken);
        }
        finally
        {
            if (provider == StorageProvider.Postgres)
                await ExecuteAsync(connection, null, PostgresSql.AdvisoryUnlock(AdvisoryLockKey), CancellationToken.None);
        }
    }

    private async Task<int> ApplyAsync(DbConnection connection, IEnumerable<MigrationSource> sources, int upToVersion, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, EngineSql.CreateMigrationJournal, cancellationToken);

        var applied = 0;
        foreach (var source in sources)
        {
            foreach (var migration in Discover(source, provider).Where(m => m.Version <= upToVersion))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await IsAppliedAsync(connection, transaction, migration, cancellationToken))
                    continue;
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = EngineSql.InsertMigration;
                    record.AddParameter("@module", migration.Module);
                    record.AddParameter("@version", migration.Version);
                    record.AddParameter("@name", migration.Name);
                    record.AddParameter("@at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger?.LogInformation("Applied migration {Module} {Version:D4} {Name}", migration.Module, migration.Version, migration.Name);
                applied++;
            }
        }

        return applied;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = EngineSql.CountMigration;
        command.AddParameter("@module", migration.Module);
        command.AddParameter("@version", migration.Version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
