using System.Globalization;
using Chamber.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Tasks;

/// <summary>
/// The one reader of open tasks: a task is a bookmark named <see cref="UserTasks.BookmarkName"/>
/// whose key is the task id, whose tag is the assignee and whose payload is a
/// <see cref="TaskPayload"/>. Every question about open tasks (an inbox, a campaign's stages, a
/// chamber's portal, whom to chase) is one of the queries here, so the index's shape lives in one place.
/// </summary>
public sealed class TaskIndex(IDbContextFactory<WorkflowsDbContext> workflows)
{
    /// <summary>
    /// How many open tasks carry one of <paramref name="tags"/> — a role's only in the campaigns of
    /// <paramref name="scope"/> — and a page of them, oldest first, with their definitions.
    /// </summary>
    public async Task<(int Total, IReadOnlyList<(OpenTask Task, string DefinitionId)> Items)> AssignedAsync(IReadOnlyList<string> tags, RoleScope scope,
        int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var people = tags.Where(t => !t.StartsWith("role:", StringComparison.Ordinal)).ToList();
        var roles = tags.Where(t => t.StartsWith("role:", StringComparison.Ordinal)).ToList();
        var campaignIds = scope.CampaignIds.ToList();
        var query = scope.Only
            ? Tasks(db).Where(b => b.Tag != null && (people.Contains(b.Tag) || (roles.Contains(b.Tag) && campaignIds.Contains(b.CorrelationId!))))
            : Tasks(db).Where(b => b.Tag != null && (people.Contains(b.Tag) || (roles.Contains(b.Tag) && (b.CorrelationId == null || !campaignIds.Contains(b.CorrelationId)))));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(b => b.CreatedAt).Skip(skip).Take(take)
            .Join(db.Instances, b => b.InstanceId, i => i.Id, (b, i) => new { Bookmark = b, i.DefinitionId })
            .ToListAsync(cancellationToken);
        return (total, [.. rows.Select(r => (Of(r.Bookmark), r.DefinitionId))]);
    }

    /// <summary>The open task with this id and its definition; null when it was answered or never existed.</summary>
    public async Task<(OpenTask Task, string DefinitionId)?> FindAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var row = await Tasks(db).Where(b => b.Key == taskId)
            .Join(db.Instances, b => b.InstanceId, i => i.Id, (b, i) => new { Bookmark = b, i.DefinitionId })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (Of(row.Bookmark), row.DefinitionId);
    }

    /// <summary>The campaign an open task belongs to (its instance's correlation); null for a task outside campaigns, or none.</summary>
    public async Task<string?> CampaignOfAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        return await Tasks(db).Where(b => b.Key == taskId).Select(b => b.CorrelationId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The bookmark to resume for a task; null when it was answered in the meantime.</summary>
    public async Task<string?> BookmarkIdAsync(string taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        return await Tasks(db).Where(b => b.Key == taskId).Select(b => b.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The open tasks of a campaign's instances (those of <paramref name="instanceIds"/> only, when given).</summary>
    public async Task<IReadOnlyList<OpenTask>> OfCampaignAsync(string campaignId, IReadOnlyCollection<string>? instanceIds = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var query = Tasks(db).Where(b => b.CorrelationId == campaignId);
        if (instanceIds is not null)
            query = query.Where(b => instanceIds.Contains(b.InstanceId));
        return await ReadAsync(query, cancellationToken);
    }

    /// <summary>
    /// A campaign's open tasks counted in the database by stage (activity), kind, deadline and round,
    /// those of <paramref name="exceptInstanceId"/> (the campaign's own workflow) left out. A summary
    /// of 50,000 participants needs a handful of such groups, not 50,000 payloads read and parsed.
    /// </summary>
    public async Task<IReadOnlyList<TaskGroup>> GroupsOfCampaignAsync(string campaignId, string exceptInstanceId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var sql = db.Database.IsNpgsql() ? PostgresGroups : SqliteGroups;
        var rows = await db.Database.SqlQueryRaw<GroupRow>(sql, campaignId, UserTasks.BookmarkName, exceptInstanceId).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TaskGroup(r.ActivityId, r.Kind ?? "",
            DateTimeOffset.TryParse(r.DueAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            int.TryParse(r.Round, CultureInfo.InvariantCulture, out var round) ? round : 1, r.Tasks, r.Instances))];
    }

    // The payload's fields as TaskPayload writes them (JsonSerializerOptions.Web); the deadline and
    // round stay text, read the same way as a payload is.
    private const string SqliteGroups = """
        SELECT activity_id AS "ActivityId", json_extract(payload, '$.kind') AS "Kind", json_extract(payload, '$.dueAt') AS "DueAt",
               json_extract(payload, '$.context.round') AS "Round", COUNT(*) AS "Tasks", COUNT(DISTINCT instance_id) AS "Instances"
        FROM workflow_bookmarks
        WHERE correlation_id = {0} AND name = {1} AND instance_id <> {2}
        GROUP BY 1, 2, 3, 4
        """;

    private const string PostgresGroups = """
        SELECT activity_id AS "ActivityId", p ->> 'kind' AS "Kind", p ->> 'dueAt' AS "DueAt",
               p -> 'context' ->> 'round' AS "Round", COUNT(*)::int AS "Tasks", COUNT(DISTINCT instance_id)::int AS "Instances"
        FROM (SELECT activity_id, instance_id, payload::json AS p FROM workflow_bookmarks
              WHERE correlation_id = {0} AND name = {1} AND instance_id <> {2}) AS tasks
        GROUP BY 1, 2, 3, 4
        """;

    /// <summary>
    /// Every open item a chamber of the campaign has to hand in, as (chamber, deadline): read from
    /// the index's columns and one field of the payload, so a district summary of 50,000
    /// participants needs no payload parsed.
    /// </summary>
    public async Task<IReadOnlyList<(string ChamberId, DateTimeOffset? DueAt)>> ChamberDeadlinesAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var sql = db.Database.IsNpgsql() ? PostgresDeadlines : SqliteDeadlines;
        var rows = await db.Database.SqlQueryRaw<DeadlineRow>(sql, campaignId, UserTasks.BookmarkName, UserTasks.ChamberTag("") + "%", TaskKinds.Submission)
            .ToListAsync(cancellationToken);
        var prefix = UserTasks.ChamberTag("").Length;
        return [.. rows.Select(r => (r.Tag[prefix..],
            DateTimeOffset.TryParse(r.DueAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : (DateTimeOffset?)null))];
    }

    private const string SqliteDeadlines = """
        SELECT tag AS "Tag", json_extract(payload, '$.dueAt') AS "DueAt"
        FROM workflow_bookmarks
        WHERE correlation_id = {0} AND name = {1} AND tag LIKE {2} AND json_extract(payload, '$.kind') = {3}
        """;

    private const string PostgresDeadlines = """
        SELECT tag AS "Tag", payload::json ->> 'dueAt' AS "DueAt"
        FROM workflow_bookmarks
        WHERE correlation_id = {0} AND name = {1} AND tag LIKE {2} AND payload::json ->> 'kind' = {3}
        """;

    private sealed class DeadlineRow
    {
        public string Tag { get; init; } = "";
        public string? DueAt { get; init; }
    }

    private sealed class GroupRow
    {
        public string ActivityId { get; init; } = "";
        public string? Kind { get; init; }
        public string? DueAt { get; init; }
        public string? Round { get; init; }
        public int Tasks { get; init; }
        public int Instances { get; init; }
    }

    /// <summary>The open tasks of one workflow instance.</summary>
    public async Task<IReadOnlyList<OpenTask>> OfInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(Tasks(db).Where(b => b.InstanceId == instanceId), cancellationToken);
    }

    /// <summary>
    /// What chambers of a campaign are asked to submit (<see cref="TaskKinds.Submission"/>); only
    /// those of <paramref name="chamberIds"/> when given. The chamber is the task's
    /// <see cref="OpenTask.ChamberId"/>.
    /// </summary>
    public async Task<IReadOnlyList<OpenTask>> SubmissionsOfCampaignAsync(string campaignId, IReadOnlyCollection<string>? chamberIds = null,
        CancellationToken cancellationToken = default)
    {
        var prefix = UserTasks.ChamberTag("");
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var query = Tasks(db).Where(b => b.CorrelationId == campaignId && b.Tag!.StartsWith(prefix));
        if (chamberIds is not null)
        {
            var tags = chamberIds.Select(UserTasks.ChamberTag).ToList();
            query = query.Where(b => tags.Contains(b.Tag!));
        }

        return [.. (await ReadAsync(query, cancellationToken)).Where(t => t.Task.Kind == TaskKinds.Submission)];
    }

    /// <summary>A chamber's open items (the one with <paramref name="taskId"/> only, when given), oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<OpenTask>> OfChamberAsync(string chamberId, string? taskId = null, int limit = 200,
        CancellationToken cancellationToken = default)
    {
        var tag = UserTasks.ChamberTag(chamberId);
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var query = Tasks(db).Where(b => b.Tag == tag);
        if (taskId is not null)
            query = query.Where(b => b.Key == taskId);
        return await ReadAsync(query.OrderBy(b => b.CreatedAt).Take(limit), cancellationToken);
    }

    private static IQueryable<BookmarkRecord> Tasks(WorkflowsDbContext db) =>
        db.Bookmarks.AsNoTracking().Where(b => b.Name == UserTasks.BookmarkName);

    /// <summary>Only the columns a task needs: a campaign's whole index can be read this way.</summary>
    private static async Task<IReadOnlyList<OpenTask>> ReadAsync(IQueryable<BookmarkRecord> query, CancellationToken cancellationToken)
    {
        var rows = await query.Select(b => new { b.Id, b.Key, b.InstanceId, b.ActivityId, b.Tag, b.Payload, b.CreatedAt }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OpenTask(r.Id, r.Key ?? "", r.InstanceId, r.ActivityId, r.Tag, TaskPayload.FromJson(r.Payload), Utc(r.CreatedAt)))];
    }

    private static OpenTask Of(BookmarkRecord b) =>
        new(b.Id, b.Key ?? "", b.InstanceId, b.ActivityId, b.Tag, TaskPayload.FromJson(b.Payload), Utc(b.CreatedAt));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>Open tasks of one stage, kind, deadline and round: how many, and of how many workflow instances.</summary>
public sealed record TaskGroup(string ActivityId, string Kind, DateTimeOffset? DueAt, int Round, int Tasks, int Instances);
