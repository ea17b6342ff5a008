using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Chamber.Workflows.Json;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Chamber.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Definitions;

/// <summary>What lists and version histories show of a definition version.</summary>
public sealed record DefinitionSummary(
    string DefinitionId,
    string Id,
    int Version,
    string? Name,
    string? Description,
    DefinitionStatus Status,
    bool IsLatest,
    bool IsPublished,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt)
{
    /// <summary>The version's summary, its name and description in the reader's language (see <see cref="Model.Translations"/>).</summary>
    internal static DefinitionSummary From(WorkflowDefinitionRecord r)
    {
        var properties = r.Json.Contains("\"translations\"", StringComparison.Ordinal)
            ? JsonNode.Parse(r.Json)?["customProperties"] as JsonObject
            : null;
        return new(r.DefinitionId, r.Id, r.Version, Model.Translations.Pick(r.Name, properties, ["name"]),
            Model.Translations.Pick(r.Description, properties, ["description"]), r.Status, r.IsLatest, r.Status == DefinitionStatus.Published,
            new DateTimeOffset(r.CreatedAt), r.PublishedAt is { } p ? new DateTimeOffset(p) : null);
    }
}

/// <summary>
/// Definition versions: import, draft, publish, retract, history and export. A version that has
/// been published never changes again, so its ready-to-run graph is cached for the process.
/// </summary>
public sealed class DefinitionService(
    IDbContextFactory<WorkflowsDbContext> contexts,
    DefinitionJsonReader reader,
    DefinitionValidator validator,
    TimeProvider clock,
    IOptions<TimerOptions> timers) : IWorkflowGraphSource
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(timers.Value.TimeZone);

    /// <summary>
    /// How long a definition's published version is remembered. Starting an instance must not cost
    /// a query; a publish on this host takes effect at once, one on another host within this time.
    /// </summary>
    public static readonly TimeSpan PublishedCacheTime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, WorkflowGraph> _graphs = new();
    private readonly ConcurrentDictionary<string, (string? VersionId, long Expires)> _published = new();

    /// <summary>Reads and validates Elsa-3 JSON (throws on any problem) without storing it.</summary>
    public WorkflowDefinition Parse(string json)
    {
        var definition = reader.Read(json);
        validator.Validate(definition);
        // A cron activity's zone goes into the stored definition, so its export means the same anywhere.
        foreach (var cron in Descendants(definition.Root).OfType<Timers.Cron>())
            cron.NameZone(_zone.Id);
        return definition;
    }

    private static IEnumerable<Model.Activity> Descendants(Model.Activity activity) => activity.GetChildren().SelectMany(Descendants).Prepend(activity);

    /// <summary>Stores the file as a new version of its definition (a new definition when it has no id); published if the file says so.</summary>
    public Task<DefinitionSummary> ImportAsync(string json, CancellationToken cancellationToken = default) =>
        ImportAsync(json, publish: null, cancellationToken);

    /// <summary>As <see cref="ImportAsync(string, CancellationToken)"/>, with <paramref name="publish"/> (when given) deciding instead of the file.</summary>
    public async Task<DefinitionSummary> ImportAsync(string json, bool? publish, CancellationToken cancellationToken = default)
    {
        var definition = Parse(json);
        if (string.IsNullOrWhiteSpace(definition.DefinitionId))
            definition.DefinitionId = Guid.CreateVersion7().ToString("N");
        return await AddVersionAsync(definition, publish ?? definition.IsPublished, cancellationToken);
    }

    /// <summary>
    /// What a definition says, without what the store assigns (ids, version, flags, dates): two
    /// files with equal content describe the same workflow, whichever version holds them.
    /// </summary>
    public JsonNode Content(string json)
    {
        var node = JsonNode.Parse(DefinitionJsonWriter.Write(Parse(json)))!.AsObject();
        foreach (var assigned in (string[])["id", "definitionId", "version", "isLatest", "isPublished", "publishedAt", "createdAt"])
            node.Remove(assigned);
        return node;
    }

    /// <summary>Saves work in progress: updates the latest draft, or starts a new draft after a published version.</summary>
    public async Task<DefinitionSummary> SaveDraftAsync(string definitionId, string json, CancellationToken cancellationToken = default)
    {
        var definition = Parse(json);
        definition.DefinitionId = definitionId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, cancellationToken);
        if (latest is not { Status: DefinitionStatus.Draft })
            return await AddVersionAsync(definition, publish: false, cancellationToken);

        definition.Id = latest.Id;
        definition.Version = latest.Version;
        latest.Name = definition.Name;
        latest.Description = definition.Description;
        latest.Json = DefinitionJsonWriter.Write(definition);
        await db.SaveChangesAsync(cancellationToken);
        return DefinitionSummary.From(latest);
    }

    /// <summary>Publishes the latest version; the previously published one is superseded (its instances keep running on it).</summary>
    public async Task<DefinitionSummary> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, cancellationToken)
            ?? throw new WorkflowNotFoundException(DoesNotExist(definitionId));
        if (latest.Status == DefinitionStatus.Published)
            return DefinitionSummary.From(latest);
        await db.Definitions.Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DefinitionStatus.Superseded), cancellationToken);
        latest.Status = DefinitionStatus.Published;
        latest.PublishedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await ScheduledStarts.SyncAsync(db, definitionId, Materialize(latest), _zone, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new WorkflowConflictException(ReaderText.Of(
                $"流程定义“{definitionId}”正在别处同时发布，请重试", $"Workflow definition '{definitionId}' was published at the same time elsewhere; try again."), e);
        }

        _published.TryRemove(definitionId, out _);
        return DefinitionSummary.From(latest);
    }

    /// <summary>Takes the published version out of service: no new instances start; running ones continue.</summary>
    public async Task<DefinitionSummary> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var published = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published, cancellationToken)
            ?? throw new WorkflowConflictException(ReaderText.Of(
                $"流程定义“{definitionId}”没有已发布的版本，无法撤回", $"Workflow definition '{definitionId}' has no published version to retract."));
        published.Status = DefinitionStatus.Retracted;
        await db.SaveChangesAsync(cancellationToken);
        await ScheduledStarts.SyncAsync(db, definitionId, null, _zone, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _published.TryRemove(definitionId, out _);
        return DefinitionSummary.From(published);
    }

    /// <summary>The latest version of every definition.</summary>
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.Definitions.AsNoTracking().Where(d => d.IsLatest).OrderBy(d => d.Name).ThenBy(d => d.DefinitionId).ToListAsync(cancellationToken);
        var published = await db.Definitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published)
            .Select(d => d.DefinitionId).ToListAsync(cancellationToken);
        return [.. latest.Select(r => DefinitionSummary.From(r) with { IsPublished = published.Contains(r.DefinitionId) })];
    }

    public async Task<IReadOnlyList<DefinitionSummary>> VersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).ToListAsync(cancellationToken);
        return versions.Count == 0
            ? throw new WorkflowNotFoundException(DoesNotExist(definitionId))
            : [.. versions.Select(DefinitionSummary.From)];
    }

    /// <summary>A version as Elsa-3 JSON (the latest when <paramref name="version"/> is null), its flags as they are now.</summary>
    public async Task<(DefinitionSummary Summary, JsonObject Json)> GetAsync(string definitionId, int? version = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        var record = await (version is null ? query.Where(d => d.IsLatest) : query.Where(d => d.Version == version)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowNotFoundException(version is null
                ? DoesNotExist(definitionId)
                : ReaderText.Of($"流程定义“{definitionId}”没有版本 {version}", $"Workflow definition '{definitionId}' has no version {version}."));
        var json = (JsonObject)JsonNode.Parse(record.Json)!;
        json["id"] = record.Id;
        json["definitionId"] = record.DefinitionId;
        json["version"] = record.Version;
        json["isLatest"] = record.IsLatest;
        json["isPublished"] = record.Status == DefinitionStatus.Published;
        return (DefinitionSummary.From(record), json);
    }

    public async ValueTask<WorkflowGraph?> GetVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        if (_graphs.TryGetValue(versionId, out var cached))
            return cached;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == versionId, cancellationToken);
        return record is null ? null : Materialize(record);
    }

    public async ValueTask<WorkflowGraph?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var now = Environment.TickCount64;
        if (!_published.TryGetValue(definitionId, out var entry) || entry.Expires < now)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var versionId = await db.Definitions.AsNoTracking()
                .Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
            entry = (versionId, now + (long)PublishedCacheTime.TotalMilliseconds);
            if (versionId is not null) // misses are not remembered: callers could grow the cache with made-up ids
                _published[definitionId] = entry;
        }

        return entry.VersionId is null ? null : await GetVersionAsync(entry.VersionId, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<WorkflowGraph>> GetAllPublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.Definitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published).Select(d => d.Id).ToListAsync(cancellationToken);
        var graphs = new List<WorkflowGraph>(ids.Count);
        foreach (var id in ids)
        {
            if (await GetVersionAsync(id, cancellationToken) is { } graph)
                graphs.Add(graph);
        }

        return graphs;
    }


    private static string DoesNotExist(string definitionId) =>
        ReaderText.Of($"流程定义“{definitionId}”不存在", $"Workflow definition '{definitionId}' does not exist.");

    private WorkflowGraph Materialize(WorkflowDefinitionRecord record)
    {
        var definition = reader.Read(record.Json);
        definition.Id = record.Id;
        definition.DefinitionId = record.DefinitionId;
        definition.Version = record.Version;
        var graph = validator.Validate(definition);
        // Drafts still change; everything else is frozen and safe to share.
        return record.Status == DefinitionStatus.Draft ? graph : _graphs.GetOrAdd(record.Id, graph);
    }

    private async Task<DefinitionSummary> AddVersionAsync(WorkflowDefinition definition, bool publish, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var definitionId = definition.DefinitionId;
        var latestVersion = await db.Definitions.Where(d => d.DefinitionId == definitionId).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
        if (string.IsNullOrWhiteSpace(definition.Id) || await db.Definitions.AnyAsync(d => d.Id == definition.Id, cancellationToken))
            definition.Id = Guid.CreateVersion7().ToString("N");
        definition.Version = latestVersion + 1;
        definition.IsLatest = true;
        definition.IsPublished = publish;

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsLatest)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsLatest, false), cancellationToken);
        if (publish)
        {
            await db.Definitions.Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DefinitionStatus.Superseded), cancellationToken);
        }

        var record = new WorkflowDefinitionRecord
        {
            Id = definition.Id,
            DefinitionId = definitionId,
            Version = definition.Version,
            Name = definition.Name,
            Description = definition.Description,
            Status = publish ? DefinitionStatus.Published : DefinitionStatus.Draft,
            IsLatest = true,
            Json = DefinitionJsonWriter.Write(definition),
            CreatedAt = now,
            PublishedAt = publish ? now : null,
        };
        db.Definitions.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (publish)
                await ScheduledStarts.SyncAsync(db, definitionId, Materialize(record), _zone, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _published.TryRemove(definitionId, out _);
        }
        catch (DbUpdateException e)
        {
            throw new WorkflowConflictException(ReaderText.Of(
                $"流程定义“{definitionId}”正被同时修改，请重试", $"Workflow definition '{definitionId}' was changed at the same time; try again."), e);
        }

        return DefinitionSummary.From(record);
    }
}
