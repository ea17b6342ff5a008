using System.Collections.Concurrent;
using System.Text.Json;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Reviews;

/// <summary>One version of a rubric (table <c>rubric_versions</c>): the whole rubric as JSON, who made it and why.</summary>
public sealed class RubricVersionRecord
{
    public required string RubricId { get; set; }
    public int Version { get; set; }
    public required string Body { get; set; }
    public string? Note { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A version as the history lists it.</summary>
public sealed record RubricVersionInfo(int Version, string? Note, string? CreatedBy, DateTimeOffset CreatedAt, decimal PassLine, int Items);

/// <summary>An administrator's edit: the rubric as it should now be, and what changed.</summary>
public sealed record RubricEdit(Rubric? Rubric, string? Note);

/// <summary>
/// Standards as data (issue 19: "Standards are compiled in" — thresholds differ by place, 000's
/// coverage 30 % against 003's 10 %). The shipped rubrics seed version 1; an administrator's edit
/// adds a version; a campaign keeps the version it was launched with, so a running campaign is
/// scored as it began while a new one takes the latest. Versions never change once written, so
/// any host may keep one it has read.
/// </summary>
public sealed class RubricCatalog(IDbContextFactory<CampaignDbContext> campaigns, TimeProvider clock)
{
    public const int MaxNoteLength = 500;

    private readonly ConcurrentDictionary<(string, int), Rubric> _versions = new();
    private volatile bool _seeded;

    /// <summary>The rubric at a version, or the latest; null when there is no such rubric or version.</summary>
    public async Task<Rubric?> FindAsync(string id, int? version = null, CancellationToken cancellationToken = default)
    {
        if (version is { } wanted && _versions.TryGetValue((id, wanted), out var known))
            return known;
        await using var db = await OpenAsync(cancellationToken);
        var query = db.RubricVersions.AsNoTracking().Where(r => r.RubricId == id);
        var row = version is { } v
            ? await query.FirstOrDefaultAsync(r => r.Version == v, cancellationToken)
            : await query.OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Read(row);
    }

    /// <summary>The rubric at a version (or the latest), or an error naming the rubrics there are: a step that names a rubric that is not there faults.</summary>
    public async Task<Rubric> GetAsync(string id, int? version = null, CancellationToken cancellationToken = default) =>
        await FindAsync(id, version, cancellationToken) ?? throw new InvalidOperationException(
            ReaderText.Of($"考核细则“{id}”{(version is null ? "" : $"第 {version} 版")}不存在", $"There is no rubric '{id}'{(version is null ? "" : $" version {version}")}."));

    /// <summary>Every rubric at its latest version.</summary>
    public async Task<IReadOnlyList<Rubric>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var latest = await db.RubricVersions.AsNoTracking().GroupBy(r => r.RubricId).Select(g => new { Id = g.Key, Version = g.Max(r => r.Version) })
            .ToListAsync(cancellationToken);
        var rubrics = new List<Rubric>();
        foreach (var (id, version) in latest.Select(l => (l.Id, l.Version)).Order())
            rubrics.Add((await FindAsync(id, version, cancellationToken))!);
        return rubrics;
    }

    /// <summary>A rubric's versions, the newest first; empty when there is no such rubric.</summary>
    public async Task<IReadOnlyList<RubricVersionInfo>> VersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var rows = await db.RubricVersions.AsNoTracking().Where(r => r.RubricId == id).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (Row: r, Rubric: Read(r))).Select(x => new RubricVersionInfo(x.Row.Version, x.Row.Note, x.Row.CreatedBy,
            new DateTimeOffset(DateTime.SpecifyKind(x.Row.CreatedAt, DateTimeKind.Utc)), x.Rubric.PassLine, x.Rubric.Items.Count))];
    }

    /// <summary>
    /// Keeps an edit as the rubric's next version. Null when there is no such rubric;
    /// <see cref="CampaignRequestException"/> with every problem when it cannot be kept.
    /// </summary>
    public async Task<Rubric?> SaveAsync(string id, RubricEdit edit, string? by, CancellationToken cancellationToken = default)
    {
        var note = PlainText.OneLine(edit.Note ?? "").Trim();
        var problems = new List<string>();
        if (edit.Rubric is null)
            problems.Add(ReaderText.Of("请提交细则内容", "Send the rubric."));
        else
            problems.AddRange(edit.Rubric.DesignProblems());
        if (note.Length == 0)
            problems.Add(ReaderText.Of("请说明本次修改的内容和依据", "Say what changed, and why."));
        else if (note.Length > MaxNoteLength)
            problems.Add(ReaderText.Of($"修改说明不超过 {MaxNoteLength} 字", $"The note has at most {MaxNoteLength} characters."));
        await using var db = await OpenAsync(cancellationToken);
        var latest = await db.RubricVersions.Where(r => r.RubricId == id).MaxAsync(r => (int?)r.Version, cancellationToken);
        if (latest is null)
            return null;
        if (problems.Count > 0)
            throw new CampaignRequestException(string.Join(" ", problems));
        // The id is the rubric's, whatever the body says; a concurrent save of the same version loses on the key.
        var rubric = edit.Rubric! with { Id = id, Version = latest.Value + 1 };
        db.RubricVersions.Add(new RubricVersionRecord
        {
            RubricId = id, Version = rubric.Version, Body = JsonSerializer.Serialize(rubric, JsonSerializerOptions.Web), Note = note, CreatedBy = by,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new CampaignRequestException(ReaderText.Of("细则刚被他人修改，请刷新后再改", "Someone changed the rubric meanwhile: reload it and edit again."));
        }

        return rubric;
    }

    private Rubric Read(RubricVersionRecord row) => _versions.GetOrAdd((row.RubricId, row.Version),
        _ => JsonSerializer.Deserialize<Rubric>(row.Body, JsonSerializerOptions.Web)! with { Id = row.RubricId, Version = row.Version });

    /// <summary>A context on tables that hold every shipped rubric: the first use writes those not there yet as version 1.</summary>
    private async Task<CampaignDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (_seeded)
            return db;
        var present = (await db.RubricVersions.Select(r => r.RubricId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var shipped in Rubrics.All.Where(r => !present.Contains(r.Id)))
        {
            db.RubricVersions.Add(new RubricVersionRecord
            {
                RubricId = shipped.Id, Version = 1, Body = JsonSerializer.Serialize(shipped with { Version = 1 }, JsonSerializerOptions.Web),
                Note = "definitions/rubrics", CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another host seeded them meanwhile.
            db.ChangeTracker.Clear();
        }

        _seeded = true;
        return db;
    }
}
