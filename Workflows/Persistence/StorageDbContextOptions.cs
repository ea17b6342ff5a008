namespace Chamber.Workflows.Persistence;

public static class StorageDbContextOptions
{
    /// <summary>Points an EF Core context of any module at the configured database (the engine's and the modules' tables live together).</summary>
    public static Microsoft.EntityFrameworkCore.DbContextOptionsBuilder UseConfiguredStorage(
        this Microsoft.EntityFrameworkCore.DbContextOptionsBuilder db, StorageOptions storage) =>
        storage.Provider == StorageProvider.Postgres
            ? Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions.UseNpgsql(db, storage.ConnectionString)
            : Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions.UseSqlite(db, storage.ConnectionString).AddInterceptors(new SqlitePragmas());
}
