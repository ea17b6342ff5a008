namespace Chamber.Workflows.Persistence;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
