using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chamber.Activities.Persistence;
using Chamber.Activities.Tasks;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Activities.Campaigns;

public sealed record CreateCampaign(string? Name, int? Year, string? TemplateId, IReadOnlyList<string>? ParticipantIds,
    IReadOnlyList<string>? Leaders, IReadOnlyList<string>? Reviewers, IReadOnlyDictionary<string, string>? Schedule,
    IReadOnlyList<string>? PlanApprovers = null);

/// <summary>A campaign with where its participants stand, stage by stage, and the tasks of its own workflow (the plan's sign-off).</summary>
public sealed record CampaignView(string Id, string Name, int Year, string TemplateId, CampaignStatus Status, string InstanceId, string? ParticipantWorkflow,
    int Participants, int Launched, int Finished, IReadOnlyList<StageCounts> Stages, IReadOnlyList<CampaignTask> Tasks,
    IReadOnlyDictionary<string, int> Outcomes, DateTimeOffset CreatedAt, DateTimeOffset? LaunchedAt);

/// <summary>
/// One stage of the participant workflow: how many still have to submit (of which overdue), have
/// submitted and wait to be checked, or are past it (accepted; for a review: reviewed).
/// </summary>
public sealed record StageCounts(string Id, string Stage, DateTimeOffset? DueAt, int Pending, int Overdue, int Submitted, int Accepted);

/// <summary>An open task of the campaign's own workflow.</summary>
public sealed record CampaignTask(string Stage, string Kind, string Title, string Assignee, DateTimeOffset? DueAt);

/// <summary>
/// One participant's position: what it is asked for now (stage, due, overdue, round), the last
/// stage it got past, and its review score and outcome.
/// </summary>
public sealed record ParticipantView(string ChamberId, string Chamber, string? District, string InstanceId, string Status, string? Stage,
    DateTimeOffset? DueAt, bool Overdue, int Round, string? Reached, double? Score, string? Outcome);

/// <summary>The statuses a participant can be in, as <see cref="ParticipantView.Status"/> names them.</summary>
public static class ParticipantStatus
{
    public const string NotLaunched = "not-launched";
    public const string Pending = "pending";
    public const string Overdue = "overdue";
    public const string Submitted = "submitted";
    public const string Reviewing = "reviewing";
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Faulted = "faulted";

    public static readonly IReadOnlyList<string> All = [NotLaunched, Pending, Overdue, Submitted, Reviewing, Running, Finished, Faulted];
}

/// <summary>Which participants to list: any of these left empty does not filter.</summary>
/// <param name="Search">Part of the chamber's name, or its id.</param>
/// <param name="Outcome">An outcome (commended, rectifying, not-passed), or <see cref="NoOutcome"/> for those without one yet.</param>
public sealed record ParticipantFilter(string? Status = null, string? Search = null, string? District = null, string? Outcome = null)
{
    public const string NoOutcome = "none";
}

/// <summary>The campaign could not be created as asked; the message says why.</summary>
public sealed class CampaignRequestException(string message) : Exception(message);

/// <summary>
/// Campaigns: created from a template and a list of chambers, launched in the background (one
/// workflow instance per chamber, correlated by the campaign id), and watched through the
/// bookmark index — what each participant waits for is where it stands.
/// </summary>
public sealed class CampaignService(
    IDbContextFactory<CampaignDbContext> campaigns,
    IDbContextFactory<WorkflowsDbContext> workflows,
    Chamber.Workflows.Definitions.DefinitionService definitions,
    TimeProvider clock)
{
    public async Task<CampaignRecord> CreateAsync(CreateCampaign request, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Name))
            problems.Add("请填写活动名称 / The campaign needs a name.");
        if (request.Year is not (>= 2004 and <= 2100))
            problems.Add("年度无效 / The year is not valid.");
        var template = string.IsNullOrWhiteSpace(request.TemplateId) ? null : await definitions.GetPublishedAsync(request.TemplateId, cancellationToken);
        if (template is null)
            problems.Add($"模板“{request.TemplateId}”不存在或未发布 / Template '{request.TemplateId}' does not exist or is not published.");
        else if (!template.Activities.Values.Any(a => a is ForEachParticipant))
            problems.Add($"“{request.TemplateId}”不是活动模板（没有“逐个商会”环节）/ '{request.TemplateId}' is not a campaign template: it has no ForEachParticipant step.");
        var participantIds = (request.ParticipantIds ?? []).Distinct().ToList();
        if (participantIds.Count == 0)
            problems.Add("请选择参加的商会 / Choose the participating chambers.");
        foreach (var address in (request.Leaders ?? []).Concat(request.Reviewers ?? []).Concat(request.PlanApprovers ?? []))
        {
            if (UserTasks.AssigneeTag(address) is null)
                problems.Add($"“{address}”既不是邮箱也不是角色 / '{address}' is neither an e-mail address nor role:<name>.");
        }

        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (participantIds.Count > 0)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in participantIds.Chunk(1000))
                known.UnionWith(await db.Chambers.Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken));
            var unknown = participantIds.Where(id => !known.Contains(id)).Take(5).ToList();
            if (unknown.Count > 0)
                problems.Add($"商会不在名录中：{string.Join(", ", unknown)} / Not in the chamber directory.");
        }

        if (problems.Count > 0)
            throw new CampaignRequestException(string.Join(" ", problems));

        var campaign = new CampaignRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Name = request.Name!.Trim(),
            Year = request.Year!.Value,
            TemplateId = request.TemplateId!,
            Status = CampaignStatus.Draft,
            Leaders = request.Leaders is { Count: > 0 } leaders ? string.Join(", ", leaders) : null,
            Reviewers = request.Reviewers is { Count: > 0 } reviewers ? string.Join(", ", reviewers) : null,
            PlanApprovers = request.PlanApprovers is { Count: > 0 } approvers ? string.Join(", ", approvers) : null,
            Schedule = request.Schedule is { Count: > 0 } schedule ? JsonSerializer.Serialize(schedule) : null,
            ParticipantCount = participantIds.Count,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Campaigns.Add(campaign);
        // The launcher starts participants in chamber order: their instances' ids ascend in it.
        participantIds.Sort(StringComparer.Ordinal);
        var instanceIds = OrderedIds.Create(participantIds.Count);
        db.CampaignParticipants.AddRange(participantIds.Select((chamberId, i) => new CampaignParticipantRecord
        {
            CampaignId = campaign.Id,
            ChamberId = chamberId,
            InstanceId = instanceIds[i],
        }));
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>Hands the campaign to the launcher, which starts its workflow; false when it was launched already.</summary>
    public async Task<bool> LaunchAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Launching).SetProperty(c => c.LaunchedAt, now), cancellationToken) == 1;
    }

    public async Task<CampaignRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
    }

    public async Task<IReadOnlyList<CampaignRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<CampaignView?> ViewAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(campaignId, cancellationToken) is not { } campaign)
            return null;
        var names = await StageNamesAsync(campaign, cancellationToken);
        var open = await OpenTasksAsync(campaign, names, cancellationToken);
        var instanceId = CampaignInstanceId(campaign.Id);
        var now = clock.GetUtcNow();
        Dictionary<string, int> accepted;
        Dictionary<string, int> outcomes;
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            accepted = await db.CampaignStages.Where(s => s.CampaignId == campaignId).GroupBy(s => s.Stage)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            outcomes = await db.CampaignParticipants.Where(p => p.CampaignId == campaignId && p.Outcome != null).GroupBy(p => p.Outcome!)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        }

        var participantTasks = open.Where(t => t.InstanceId != instanceId).ToList();
        var stages = participantTasks.Select(t => t.ActivityId).Concat(accepted.Keys).Distinct()
            .Select(stage =>
            {
                var tasks = participantTasks.Where(t => t.ActivityId == stage).ToList();
                return new StageCounts(stage, names.GetValueOrDefault(stage) ?? stage, tasks.Min(t => t.DueAt),
                    tasks.Count(t => t.Kind == "Submission"),
                    tasks.Count(t => t.Kind == "Submission" && t.DueAt < now),
                    tasks.Where(t => t.Kind == "CheckSubmission").Select(t => t.InstanceId).Distinct().Count(),
                    accepted.GetValueOrDefault(stage));
            })
            .OrderBy(s => s.DueAt ?? DateTimeOffset.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var campaignTasks = open.Where(t => t.InstanceId == instanceId)
            .Select(t => new CampaignTask(t.Stage, t.Kind, t.Title, t.Assignee, t.DueAt)).ToList();
        await using var wf = await workflows.CreateDbContextAsync(cancellationToken);
        var finished = await wf.Instances.CountAsync(i => i.CorrelationId == campaignId && i.Id != instanceId && i.Status == WorkflowStatus.Finished, cancellationToken);
        return new CampaignView(campaign.Id, campaign.Name, campaign.Year, campaign.TemplateId, campaign.Status, instanceId, campaign.ParticipantWorkflow,
            campaign.ParticipantCount, campaign.LaunchedCount, finished, stages, campaignTasks, outcomes,
            Utc(campaign.CreatedAt), campaign.LaunchedAt is { } launched ? Utc(launched) : null);
    }

    public async Task<(int Total, IReadOnlyList<ParticipantView> Items)> ParticipantsAsync(string campaignId, ParticipantFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (await FindAsync(campaignId, cancellationToken) is not { } campaign)
            return (0, []);
        var names = await StageNamesAsync(campaign, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var query = db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .Join(db.Chambers, p => p.ChamberId, c => c.Id, (p, c) => new ParticipantRow
            {
                ChamberId = p.ChamberId, Name = c.Name, District = c.District, InstanceId = p.InstanceId, Launched = p.Launched,
                Stage = p.Stage, Score = p.Score, Outcome = p.Outcome,
            });
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            query = query.Where(r => r.Name.Contains(search) || r.ChamberId == search);
        }

        if (!string.IsNullOrWhiteSpace(filter.District))
            query = query.Where(r => r.District == filter.District);
        if (filter.Outcome == ParticipantFilter.NoOutcome)
            query = query.Where(r => r.Outcome == null);
        else if (!string.IsNullOrWhiteSpace(filter.Outcome))
            query = query.Where(r => r.Outcome == filter.Outcome);
        if (filter.Status is null or ParticipantStatus.NotLaunched)
        {
            if (filter.Status == ParticipantStatus.NotLaunched)
                query = query.Where(r => !r.Launched);
            var total = await query.CountAsync(cancellationToken);
            var rows = await query.OrderBy(r => r.ChamberId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            var positions = await StatusesAsync(campaign, [.. rows.Where(r => r.Launched).Select(r => r.InstanceId)], names, now, cancellationToken);
            return (total, [.. rows.Select(r => View(r, r.Launched ? positions[r.InstanceId] : new Position(ParticipantStatus.NotLaunched, null)))]);
        }

        // A status is where the workflow stands, which only the bookmark index and the instances know:
        // the positions of all (filtered) participants decide, the most urgent (earliest due) first.
        var launched = await query.Where(r => r.Launched).Select(r => r.InstanceId).ToListAsync(cancellationToken);
        var statuses = await StatusesAsync(campaign, launched, names, now, cancellationToken);
        var matching = launched.Where(id => statuses[id].Status == filter.Status)
            .OrderBy(id => statuses[id].Current?.DueAt ?? DateTimeOffset.MaxValue).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var pageIds = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var pageRows = (await query.Where(r => pageIds.Contains(r.InstanceId)).ToListAsync(cancellationToken)).ToDictionary(r => r.InstanceId);
        return (matching.Count, [.. pageIds.Select(id => View(pageRows[id], statuses[id]))]);

        ParticipantView View(ParticipantRow r, Position position) =>
            new(r.ChamberId, r.Name, r.District, r.InstanceId, position.Status, position.Current?.Stage, position.Current?.DueAt,
                position.Status == ParticipantStatus.Overdue, position.Current?.Round ?? 0,
                r.Stage is null ? null : names.GetValueOrDefault(r.Stage) ?? r.Stage, r.Score, r.Outcome);
    }

    /// <summary>A participant joined with its chamber, as the list reads it (a class with setters, so filters on it translate to SQL).</summary>
    private sealed class ParticipantRow
    {
        public required string ChamberId { get; init; }
        public required string Name { get; init; }
        public string? District { get; init; }
        public required string InstanceId { get; init; }
        public bool Launched { get; init; }
        public string? Stage { get; init; }
        public double? Score { get; init; }
        public string? Outcome { get; init; }
    }

    /// <summary>Where a launched participant stands, and the open task that says so (none when finished, faulted or between steps).</summary>
    private sealed record Position(string Status, OpenTask? Current);

    /// <summary>The position of each of <paramref name="instanceIds"/>: its instance's status first, then what it waits for.</summary>
    private async Task<IReadOnlyDictionary<string, Position>> StatusesAsync(CampaignRecord campaign, IReadOnlyList<string> instanceIds,
        IReadOnlyDictionary<string, string> names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (instanceIds.Count == 0)
            return new Dictionary<string, Position>();
        // Up to a page, ask for exactly these; for a whole campaign, reading all of it is cheaper than a list of 50,000 ids.
        var subset = instanceIds.Count <= 500 ? instanceIds : null;
        Dictionary<string, WorkflowStatus> ended;
        await using (var wf = await workflows.CreateDbContextAsync(cancellationToken))
        {
            var instances = wf.Instances.AsNoTracking()
                .Where(i => i.CorrelationId == campaign.Id && (i.Status == WorkflowStatus.Finished || i.Status == WorkflowStatus.Faulted));
            if (subset is not null)
                instances = instances.Where(i => subset.Contains(i.Id));
            // Only the two columns: an instance row also carries its whole state.
            ended = await instances.Select(i => new { i.Id, i.Status }).ToDictionaryAsync(i => i.Id, i => i.Status, cancellationToken);
        }

        var open = (await OpenTasksAsync(campaign, names, cancellationToken, subset)).ToLookup(t => t.InstanceId);
        return instanceIds.Distinct().ToDictionary(id => id, id =>
        {
            if (ended.TryGetValue(id, out var status))
                return new Position(status == WorkflowStatus.Finished ? ParticipantStatus.Finished : ParticipantStatus.Faulted, null);
            var tasks = open[id].ToList();
            if (tasks.FirstOrDefault(t => t.Kind == "Submission") is { } submission)
                return new Position(submission.DueAt < now ? ParticipantStatus.Overdue : ParticipantStatus.Pending, submission);
            if (tasks.FirstOrDefault(t => t.Kind == "CheckSubmission") is { } check)
                return new Position(ParticipantStatus.Submitted, check);
            if (tasks.FirstOrDefault(t => t.Kind == "RubricReview") is { } scoring)
                return new Position(ParticipantStatus.Reviewing, scoring);
            return new Position(ParticipantStatus.Running, null);
        });
    }

    private sealed record OpenTask(string InstanceId, string ActivityId, string Kind, string Stage, string Title, string Assignee, DateTimeOffset? DueAt, int Round);

    private async Task<IReadOnlyList<OpenTask>> OpenTasksAsync(CampaignRecord campaign, IReadOnlyDictionary<string, string> names,
        CancellationToken cancellationToken, IReadOnlyList<string>? instanceIds = null)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var query = db.Bookmarks.AsNoTracking().Where(b => b.CorrelationId == campaign.Id && b.Name == UserTasks.BookmarkName);
        if (instanceIds is not null)
            query = query.Where(b => instanceIds.Contains(b.InstanceId));
        var rows = await query.Select(b => new { b.InstanceId, b.ActivityId, b.Payload }).ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var task = TaskPayload.FromJson(r.Payload);
            return new OpenTask(r.InstanceId, r.ActivityId, task.Kind, names.GetValueOrDefault(r.ActivityId) ?? r.ActivityId, task.Title, task.Assignee,
                task.DueAt, task.Round);
        })];
    }

    /// <summary>Stages are activities of the campaign's and the participants' workflows, named as the designer names them.</summary>
    private async Task<IReadOnlyDictionary<string, string>> StageNamesAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definitionId in new[] { campaign.TemplateId, campaign.ParticipantWorkflow })
        {
            if (definitionId is not null && await definitions.GetPublishedAsync(definitionId, cancellationToken) is { } graph)
            {
                foreach (var activity in graph.Activities.Values)
                    names.TryAdd(activity.Id, activity.Name ?? activity.Id);
            }
        }

        return names;
    }

    /// <summary>The instance of the campaign's own workflow: derived from the campaign, so it is started once.</summary>
    public static string CampaignInstanceId(string campaignId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"campaign:{campaignId}")).AsSpan(0, 16)).ToString("N");

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
