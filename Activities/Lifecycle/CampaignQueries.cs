using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Paging;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// What campaigns look like while they run, read from the campaign tables and the task index —
/// what each participant waits for is where it stands.
/// </summary>
public sealed class CampaignQueries(
    IDbContextFactory<CampaignDbContext> campaigns,
    IDbContextFactory<WorkflowsDbContext> workflows,
    TaskIndex taskIndex,
    DefinitionService definitions,
    TimeProvider clock,
    IWorkflowInstanceStore store,
    Evidence.RubricEvidence evidence,
    Reviews.RubricCatalog rubrics,
    IPeopleDirectory? people = null)
{
    public async Task<CampaignRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
    }

    /// <summary>Every campaign, newest first; one whose own workflow is faulted is listed as <see cref="CampaignStatus.Faulted"/>.</summary>
    public async Task<IReadOnlyList<CampaignRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var list = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var ids = list.Where(c => c.Status is not (CampaignStatus.Draft or CampaignStatus.Stopped)).Select(c => CampaignService.CampaignInstanceId(c.Id)).ToList();
        await using var wf = await workflows.CreateDbContextAsync(cancellationToken);
        var faulted = (await wf.Instances.Where(i => ids.Contains(i.Id) && i.Status == WorkflowStatus.Faulted).Select(i => i.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var campaign in list.Where(c => faulted.Contains(CampaignService.CampaignInstanceId(c.Id))))
            campaign.Status = CampaignStatus.Faulted; // not tracked: shown, never saved
        return list;
    }

    /// <summary>A draft as the wizard edits it: what was asked for at creation, the participants too; null when there is no such campaign.</summary>
    public async Task<CreateCampaign?> DraftAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken) is not { } campaign)
            return null;
        var participants = await db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .OrderBy(p => p.ChamberId).Select(p => p.ChamberId).ToListAsync(cancellationToken);
        return new CreateCampaign(campaign.Name, campaign.Year, campaign.TemplateId, participants, Split(campaign.Leaders), Split(campaign.Reviewers),
            campaign.Schedule is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(campaign.Schedule),
            Split(campaign.PlanApprovers));
    }

    private static string[] Split(string? people) =>
        (people ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<CampaignView?> ViewAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(campaignId, cancellationToken) is not { } campaign)
            return null;
        var names = await StageNames.OfAsync(campaign, definitions, cancellationToken);
        var instanceId = CampaignService.CampaignInstanceId(campaign.Id);
        var groups = await taskIndex.GroupsOfCampaignAsync(campaign.Id, instanceId, cancellationToken);
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

        var stages = groups.Select(g => g.ActivityId).Concat(accepted.Keys).Distinct()
            .Select(stage =>
            {
                var ofStage = groups.Where(g => g.ActivityId == stage).ToList();
                // The stage's own deadline: that of the first requests (a returned chamber's own later one is not the stage's).
                var due = ofStage.Where(g => g.Round <= 1).Min(g => g.DueAt) ?? ofStage.Min(g => g.DueAt);
                var submissions = ofStage.Where(g => g.Kind == TaskKinds.Submission).ToList();
                return new StageCounts(stage, names.GetValueOrDefault(stage) ?? stage, due,
                    submissions.Sum(g => g.Tasks),
                    submissions.Where(g => g.DueAt < now).Sum(g => g.Tasks),
                    // A submission's checks are made in one step, with one deadline and round: one group counts each instance once.
                    ofStage.Where(g => g.Kind == TaskKinds.CheckSubmission).Sum(g => g.Instances),
                    accepted.GetValueOrDefault(stage));
            })
            // In the order the workflow reaches them: plan, summary, review, rectification.
            .OrderBy(s => names.OrderOf(s.Id)).ThenBy(s => s.DueAt ?? DateTimeOffset.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var ownTasks = await StageTasksAsync(campaign, names, cancellationToken, [instanceId]);
        var assignees = people is null || ownTasks.Count == 0
            ? null
            : await people.NamesAsync([.. ownTasks.Select(t => t.Assignee)], cancellationToken);
        var campaignTasks = ownTasks
            .Select(t => new CampaignTask(t.Stage, t.Kind, t.Title, t.Assignee, assignees?.GetValueOrDefault(t.Assignee) ?? t.Assignee, t.DueAt)).ToList();
        await using var wf = await workflows.CreateDbContextAsync(cancellationToken);
        var finished = await wf.Instances.CountAsync(i => i.CorrelationId == campaignId && i.Id != instanceId && i.Status == WorkflowStatus.Finished, cancellationToken);
        // Mail given up on is the campaign's incident, not only a row in the outbox.
        var failed = wf.Outbox.Where(m => m.Channel == Email.EmailMessage.Channel && m.Status == Workflows.Outbox.OutboxStatus.Failed
            && (m.InstanceId == instanceId || wf.Instances.Any(i => i.Id == m.InstanceId && i.CorrelationId == campaignId)));
        var failedEmails = await failed.CountAsync(cancellationToken);
        var lastError = failedEmails == 0 ? null
            : await failed.OrderByDescending(m => m.CreatedAt).Select(m => m.LastError).FirstOrDefaultAsync(cancellationToken);
        // A faulted workflow is said where people look, with its reason, instead of a healthy-looking status.
        var faultedParticipants = await wf.Instances.CountAsync(i => i.CorrelationId == campaignId && i.Id != instanceId && i.Status == WorkflowStatus.Faulted,
            cancellationToken);
        string? workflowFault = null;
        if (campaign.Status != CampaignStatus.Stopped && await wf.Instances.AnyAsync(i => i.Id == instanceId && i.Status == WorkflowStatus.Faulted, cancellationToken)
            && await store.LoadAsync(instanceId, cancellationToken) is { } faulted)
            workflowFault = faulted.State.Incidents.LastOrDefault()?.Message ?? "";
        var template = await definitions.GetPublishedAsync(campaign.TemplateId, cancellationToken);
        var rubricId = campaign.RubricId ?? (template is not null && CampaignTemplates.Read(template, out _) is { } declared ? declared.Rubric : null);
        var rubric = rubricId is null ? null : await rubrics.FindAsync(rubricId, campaign.RubricVersion, cancellationToken);
        return new CampaignView(campaign.Id, campaign.Name, campaign.Year, campaign.TemplateId, workflowFault is null ? campaign.Status : CampaignStatus.Faulted,
            instanceId, campaign.ParticipantWorkflow,
            campaign.ParticipantCount, campaign.LaunchedCount, finished, stages, campaignTasks, outcomes,
            Utc(campaign.CreatedAt), campaign.LaunchedAt is { } launched ? Utc(launched) : null, failedEmails, lastError, workflowFault, faultedParticipants)
        {
            TemplateName = template?.Definition.LocalizedName(),
            ScoredItems = rubric?.Scored.Count() ?? 0,
            RubricVersion = rubric?.Version,
            Federation = await FederationOfAsync(campaign, cancellationToken),
            Stop = campaign.StoppedAt is { } stoppedAt
                ? new CampaignStop(Utc(stoppedAt), campaign.StopReason ?? "", campaign.StopPending, await StoppedByAsync(campaign.StoppedBy, cancellationToken))
                : null,
        };
    }

    private async Task<string?> StoppedByAsync(string? address, CancellationToken cancellationToken) =>
        address is null || people is null || Tasks.UserTasks.AssigneeTag(address) is not { } tag ? address : (await people.NamesAsync([tag], cancellationToken))[tag];

    /// <summary>Whose campaign it is, when a federation's, and the upper campaign it runs for.</summary>
    private async Task<CampaignFederation?> FederationOfAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        if (campaign.FederationId is null)
            return null;
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var name = await db.Chambers.Where(c => c.Id == campaign.FederationId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var parent = campaign.ParentCampaignId is null ? null
            : await db.Campaigns.Where(c => c.Id == campaign.ParentCampaignId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        return new CampaignFederation(campaign.FederationId, name ?? campaign.FederationId, campaign.ParentCampaignId, parent);
    }

    public async Task<ListPage<ParticipantView>> ParticipantsAsync(string campaignId, ParticipantFilter filter, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        if (await FindAsync(campaignId, cancellationToken) is not { } campaign)
            return page.Of<ParticipantView>(0, []);
        var names = await StageNames.OfAsync(campaign, definitions, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        // The federations' own campaigns for this one: a district's row leads to where its units run.
        var ownCampaigns = await db.Campaigns.AsNoTracking().Where(c => c.ParentCampaignId == campaignId && c.FederationId != null)
            .ToDictionaryAsync(c => c.FederationId!, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var query = db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .Join(db.Chambers, p => p.ChamberId, c => c.Id, (p, c) => new ParticipantRow
            {
                ChamberId = p.ChamberId, Name = c.Name, District = c.District, ParentId = c.ParentId, InstanceId = p.InstanceId, Launched = p.Launched,
                Stage = p.Stage, Score = p.Score, Outcome = p.Outcome, Demonstration = p.DemonstrationAt != null,
            });
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            query = query.Where(r => r.Name.Contains(search) || r.ChamberId == search);
        }

        if (!string.IsNullOrWhiteSpace(filter.District))
            query = query.Where(r => r.District == filter.District);
        if (!string.IsNullOrWhiteSpace(filter.Parent))
            query = query.Where(r => r.ParentId == filter.Parent);
        if (filter.Outcome == ParticipantFilter.NoOutcome)
            query = query.Where(r => r.Outcome == null);
        else if (!string.IsNullOrWhiteSpace(filter.Outcome))
            query = query.Where(r => r.Outcome == filter.Outcome);
        if (filter.Status is null or ParticipantStatus.NotLaunched)
        {
            if (filter.Status == ParticipantStatus.NotLaunched)
                query = query.Where(r => !r.Launched);
            var total = await query.CountAsync(cancellationToken);
            var rows = await query.OrderBy(r => r.ChamberId).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
            var positions = await StatusesAsync(campaign, [.. rows.Where(r => r.Launched).Select(r => r.InstanceId)], names, now, cancellationToken);
            var faults = await FaultsAsync(positions, cancellationToken);
            var shown = await evidence.CountsAsync([.. rows.Select(r => r.InstanceId)], cancellationToken);
            return page.Of<ParticipantView>(total, [.. rows.Select(r =>
                View(r, r.Launched ? positions[r.InstanceId] : new Position(ParticipantStatus.NotLaunched, null), faults, shown))]);
        }

        // A status is where the workflow stands, which only the bookmark index and the instances know:
        // the positions of all (filtered) participants decide, the most urgent (earliest due) first.
        var launched = await query.Where(r => r.Launched).Select(r => r.InstanceId).ToListAsync(cancellationToken);
        var statuses = await StatusesAsync(campaign, launched, names, now, cancellationToken);
        var matching = launched.Where(id => statuses[id].Status == filter.Status)
            .OrderBy(id => statuses[id].Current?.DueAt ?? DateTimeOffset.MaxValue).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var pageIds = matching.Skip(page.Skip).Take(page.Size).ToList();
        var pageRows = (await query.Where(r => pageIds.Contains(r.InstanceId)).ToListAsync(cancellationToken)).ToDictionary(r => r.InstanceId);
        var pageFaults = await FaultsAsync(pageIds.ToDictionary(id => id, id => statuses[id]), cancellationToken);
        var pageShown = await evidence.CountsAsync(pageIds, cancellationToken);
        return page.Of<ParticipantView>(matching.Count, [.. pageIds.Select(id => View(pageRows[id], statuses[id], pageFaults, pageShown))]);

        ParticipantView View(ParticipantRow r, Position position, IReadOnlyDictionary<string, string> faults, IReadOnlyDictionary<string, int> shown) =>
            new(r.ChamberId, r.Name, r.District, r.InstanceId, position.Status, position.Current?.Stage, position.Current?.DueAt,
                position.Status == ParticipantStatus.Overdue, position.Current?.Round ?? 0,
                r.Stage is null ? null : names.GetValueOrDefault(r.Stage) ?? r.Stage, r.Score, r.Outcome, faults.GetValueOrDefault(r.InstanceId),
                shown.GetValueOrDefault(r.InstanceId), r.Demonstration, ownCampaigns.GetValueOrDefault(r.ChamberId));
    }

    /// <summary>The incident message of each faulted instance among a page's (a page holds few; each is loaded for its state).</summary>
    private async Task<IReadOnlyDictionary<string, string>> FaultsAsync(IReadOnlyDictionary<string, Position> positions, CancellationToken cancellationToken)
    {
        var faulted = positions.Where(p => p.Value.Status == ParticipantStatus.Faulted).Select(p => p.Key).ToList();
        if (faulted.Count == 0)
            return new Dictionary<string, string>();
        var loaded = await store.LoadManyAsync(faulted, cancellationToken);
        return loaded.ToDictionary(l => l.Key, l => l.Value.State.Incidents.LastOrDefault()?.Message ?? "", StringComparer.Ordinal);
    }

    /// <summary>The faulted workflows of a campaign (its own and its participants'), for a retry of them all.</summary>
    public async Task<IReadOnlyList<string>> FaultedInstancesAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var wf = await workflows.CreateDbContextAsync(cancellationToken);
        var own = CampaignService.CampaignInstanceId(campaignId);
        return await wf.Instances.Where(i => (i.CorrelationId == campaignId || i.Id == own) && i.Status == WorkflowStatus.Faulted)
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A participant joined with its chamber, as the list reads it (a class with setters, so filters on it translate to SQL).</summary>
    private sealed class ParticipantRow
    {
        public required string ChamberId { get; init; }
        public required string Name { get; init; }
        public string? District { get; init; }
        public string? ParentId { get; init; }
        public required string InstanceId { get; init; }
        public bool Launched { get; init; }
        public string? Stage { get; init; }
        public double? Score { get; init; }
        public string? Outcome { get; init; }
        public bool Demonstration { get; init; }
    }

    /// <summary>Where a launched participant stands, and the open task that says so (none when finished, faulted or between steps).</summary>
    private sealed record Position(string Status, StageTask? Current);

    /// <summary>The position of each of <paramref name="instanceIds"/>: its instance's status first, then what it waits for.</summary>
    private async Task<IReadOnlyDictionary<string, Position>> StatusesAsync(CampaignRecord campaign, IReadOnlyList<string> instanceIds,
        StageNames names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (instanceIds.Count == 0)
            return new Dictionary<string, Position>();
        // Up to a page, ask for exactly these; for a whole campaign, reading all of it is cheaper than a list of 50,000 ids.
        var subset = instanceIds.Count <= 500 ? instanceIds : null;
        Dictionary<string, WorkflowStatus> ended;
        await using (var wf = await workflows.CreateDbContextAsync(cancellationToken))
        {
            var instances = wf.Instances.AsNoTracking()
                .Where(i => i.CorrelationId == campaign.Id
                    && (i.Status == WorkflowStatus.Finished || i.Status == WorkflowStatus.Faulted || i.Status == WorkflowStatus.Cancelled));
            if (subset is not null)
                instances = instances.Where(i => subset.Contains(i.Id));
            // Only the two columns: an instance row also carries its whole state.
            ended = await instances.Select(i => new { i.Id, i.Status }).ToDictionaryAsync(i => i.Id, i => i.Status, cancellationToken);
        }

        var open = (await StageTasksAsync(campaign, names, cancellationToken, subset)).ToLookup(t => t.InstanceId);
        return instanceIds.Distinct().ToDictionary(id => id, id =>
        {
            if (ended.TryGetValue(id, out var status))
                return new Position(status switch
                {
                    WorkflowStatus.Finished => ParticipantStatus.Finished,
                    WorkflowStatus.Cancelled => ParticipantStatus.Stopped,
                    _ => ParticipantStatus.Faulted,
                }, null);
            var tasks = open[id].ToList();
            if (tasks.FirstOrDefault(t => t.Kind == TaskKinds.Submission) is { } submission)
                return new Position(submission.DueAt < now ? ParticipantStatus.Overdue : ParticipantStatus.Pending, submission);
            if (tasks.FirstOrDefault(t => t.Kind == TaskKinds.CheckSubmission) is { } check)
                return new Position(ParticipantStatus.Submitted, check);
            if (tasks.FirstOrDefault(t => t.Kind == TaskKinds.RubricReview) is { } scoring)
                return new Position(ParticipantStatus.Reviewing, scoring);
            return new Position(ParticipantStatus.Running, null);
        });
    }

    /// <summary>An open task of a campaign's instance with the name of its stage (the activity that waits).</summary>
    private sealed record StageTask(string InstanceId, string ActivityId, string Kind, string Stage, string Title, string Assignee, DateTimeOffset? DueAt, int Round);

    private async Task<IReadOnlyList<StageTask>> StageTasksAsync(CampaignRecord campaign, StageNames names,
        CancellationToken cancellationToken, IReadOnlyList<string>? instanceIds = null) =>
        [.. (await taskIndex.OfCampaignAsync(campaign.Id, instanceIds, cancellationToken)).Select(t =>
            new StageTask(t.InstanceId, t.ActivityId, t.Task.Kind, names.GetValueOrDefault(t.ActivityId) ?? t.ActivityId, t.Task.Title, t.Task.Assignee,
                t.Task.DueAt, t.Task.Round))];

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
