namespace Chamber.Workflows.Persistence.Sql;

/// <summary>
/// Every statement the engine runs itself, outside EF Core, in one place (as Quartz keeps its SQL):
/// the hot paths — a resume's reads, the commit writer, the timer sweep — where EF Core's
/// per-query overhead is larger than SQLite's. The text is standard SQL that SQLite and PostgreSQL
/// both run; what only one of them has is in <see cref="SqliteSql"/> and <see cref="PostgresSql"/>.
/// Positional parameters are <c>@p0</c>, <c>@p1</c>, … in the order of the values the writers bind.
/// </summary>
internal static class EngineSql
{
    /// <summary>The instance rows with their whole state, for <c>WHERE id IN (…)</c>.</summary>
    public const string SelectInstances = """
        SELECT id, definition_id, definition_version_id, version, status, correlation_id, parent_instance_id, parent_bookmark_id,
               created_at, finished_at, row_version, state
        FROM workflow_instances
        """;

    public const string SelectBookmarkInstance = "SELECT instance_id FROM workflow_bookmarks WHERE id = @id";

    /// <summary>Due bookmarks, earliest first (<paramref name="excluded"/>: <c> AND name NOT IN (…)</c> or empty).</summary>
    public static string SelectDueBookmarks(string excluded) =>
        $"SELECT id, instance_id, due_at FROM workflow_bookmarks WHERE due_at <= @now{excluded} ORDER BY due_at LIMIT @max";

    /// <summary>
    /// Due timers of one name from a cursor on: a row-value comparison, so both databases walk
    /// ix_workflow_bookmarks_timers from the cursor.
    /// </summary>
    public static string SelectDueTimers(bool afterCursor, bool claim = false) => $"""
        SELECT id, instance_id, activity_id, due_at, payload FROM workflow_bookmarks
        WHERE name = @name AND due_at <= @now{(afterCursor ? " AND (due_at, id) > (@afterDue, @afterId)" : "")}
        ORDER BY due_at, id LIMIT @max{(claim ? " FOR UPDATE SKIP LOCKED" : "")}
        """;

    public const string SelectNextDueAt = "SELECT due_at FROM workflow_bookmarks WHERE due_at IS NOT NULL ORDER BY due_at LIMIT 1";

    public const string InsertInstance = """
        INSERT INTO workflow_instances (id, definition_id, definition_version_id, version, status, correlation_id, parent_instance_id,
            parent_bookmark_id, state, incident_count, created_at, updated_at, finished_at, row_version)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
        """;

    /// <summary>The row version check is the optimistic lock: @p8 is the version this commit was based on.</summary>
    public const string UpdateInstance = """
        UPDATE workflow_instances SET status = @p1, correlation_id = @p2, state = @p3, incident_count = @p4, updated_at = @p5,
            finished_at = @p6, row_version = @p7
        WHERE id = @p0 AND row_version = @p8
        """;

    public const string DeleteBookmark = "DELETE FROM workflow_bookmarks WHERE id = @p0";

    public const string InsertBookmark = """
        INSERT INTO workflow_bookmarks (id, instance_id, name, key, correlation_id, activity_id, activity_type, due_at, created_at, tag, payload)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
        """;

    /// <summary>A fired detached timer moves on only if it is still as it was read (@p3: the due time read).</summary>
    public const string AdvanceBookmark = "UPDATE workflow_bookmarks SET due_at = @p1, payload = @p2 WHERE id = @p0 AND due_at = @p3";

    public const string InsertJournal = "INSERT INTO workflow_journal (instance_id, sequence, entries, created_at) VALUES (@p0, @p1, @p2, @p3)";

    public const string InsertDispatch = """
        INSERT INTO workflow_dispatches (id, kind, instance_id, bookmark_id, payload, created_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        """;

    public const string DeleteDispatch = "DELETE FROM workflow_dispatches WHERE id = @p0";

    /// <summary>A key already in the outbox means this message was asked for before: it is not asked for twice.</summary>
    public const string InsertOutbox = """
        INSERT INTO outbox_messages (id, channel, idempotency_key, payload, summary, instance_id, status, attempts, next_attempt_at, created_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, 0, @p7, @p8)
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    /// <summary>Which migrations of each module ran (every module's tables, the engine's and the others', are migrated by one runner).</summary>
    public const string CreateMigrationJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module     TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            name       TEXT    NOT NULL,
            applied_at TEXT    NOT NULL,
            PRIMARY KEY (module, version));
        """;

    public const string InsertMigration = "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (@module, @version, @name, @at)";

    public const string CountMigration = "SELECT COUNT(*) FROM schema_migrations WHERE module = @module AND version = @version";
}
