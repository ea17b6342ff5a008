using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// A campaign's story as people tell it, beside the engine's journal: created, launched, the plan
/// sent for sign-off and signed, reminders sent, chambers' submissions and their answers — for the
/// whole campaign, or one participant's (or the campaign's own) workflow. It is read from what the
/// campaign already records (tasks done and open, submissions, the outbox), nothing is written for it.
/// </summary>
public sealed class CampaignTimeline(
    IDbContextFactory<CampaignDbContext> campaigns,
    IDbContextFactory<WorkflowsDbContext> workflows,
    TaskIndex taskIndex,
    DefinitionService definitions,
    IPeopleDirectory? people = null)
{
    /// <summary>Above this many entries of one day and kind, a campaign's timeline says how many rather than listing each chamber.</summary>
    public const int GroupAbove = 3;

    /// <summary>The newest <paramref name="limit"/> entries, newest first; null when there is no such campaign.</summary>
    /// <param name="instanceId">Only this workflow's entries (a participant's, or the campaign's own); all when null.</param>
    public async Task<IReadOnlyList<TimelineEntry>?> ReadAsync(string campaignId, string? instanceId = null, int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken) is not { } campaign)
            return null;
        var ownInstance = CampaignService.CampaignInstanceId(campaignId);
        var participants = db.CampaignParticipants.Where(p => p.CampaignId == campaignId);
        // Entries about a chamber hold its workflow instance until they are chosen, then its name
        // (WithChamberNamesAsync): a campaign of 50,000 shows 200 of them.
        string? AboutChamber(string entryInstance) => entryInstance == ownInstance ? null : entryInstance;
        var stages = await StageNames.OfAsync(campaign, definitions, cancellationToken);
        string StageOf(string activityId, string fallback) => stages.GetValueOrDefault(activityId) ?? fallback;

        var entries = new List<TimelineEntry>();
        if (instanceId is null || instanceId == ownInstance)
        {
            entries.Add(new(Utc(campaign.CreatedAt), TimelineKinds.Created));
            if (campaign.LaunchedAt is { } launched)
                entries.Add(new(Utc(launched), TimelineKinds.Launched, campaign.ParticipantCount));
            if (campaign.StoppedAt is { } stopped)
                entries.Add(new(Utc(stopped), TimelineKinds.Stopped, Person: campaign.StoppedBy is { } by ? UserTasks.AssigneeTag(by) ?? by : null));
        }

        // Tasks answered, and when each was given; tasks still open, when given — of the whole campaign,
        // the campaign's own (the chambers' open reviews are told on their own timelines).
        var history = db.TaskHistory.Where(h => instanceId != null ? h.InstanceId == instanceId : h.InstanceId == ownInstance || participants.Any(p => p.InstanceId == h.InstanceId));
        var open = await taskIndex.OfInstanceAsync(instanceId ?? ownInstance, cancellationToken);
        await AddTasksAsync(entries, history, open, StageOf, AboutChamber, cancellationToken);

        // Chambers' submissions and what became of them.
        var receipts = await db.SubmissionReceipts.AsNoTracking()
            .Where(r => instanceId != null ? r.InstanceId == instanceId : participants.Any(p => p.InstanceId == r.InstanceId))
            .Select(r => new { r.InstanceId, r.Title, r.Status, r.SubmittedAt, r.AnsweredAt })
            .ToListAsync(cancellationToken);
        foreach (var r in receipts)
        {
            var stage = r.Title; // the task as the chamber saw it
            entries.Add(new(Utc(r.SubmittedAt), TimelineKinds.Submitted, Stage: stage, Chamber: AboutChamber(r.InstanceId), InstanceId: r.InstanceId));
            if (r.AnsweredAt is { } answered)
                entries.Add(new(Utc(answered), TimelineKinds.SubmissionAnswered, Stage: stage, Action: r.Status, Chamber: AboutChamber(r.InstanceId), InstanceId: r.InstanceId));
        }

        // Demonstration units, when they were picked.
        var demonstrations = await participants.Where(p => p.DemonstrationAt != null && (instanceId == null || p.InstanceId == instanceId))
            .Select(p => new { p.InstanceId, p.DemonstrationAt }).ToListAsync(cancellationToken);
        entries.AddRange(demonstrations.Select(d => new TimelineEntry(Utc(d.DemonstrationAt!.Value), TimelineKinds.Demonstration,
            Chamber: AboutChamber(d.InstanceId), InstanceId: d.InstanceId)));

        entries.AddRange(await EmailsAsync(campaignId, instanceId, AboutChamber, cancellationToken));
        var shown = await NewestAsync(instanceId is null ? Grouped(entries) : entries, limit, cancellationToken);
        return await WithChamberNamesAsync(db, campaignId, shown, cancellationToken);
    }

    /// <summary>
    /// The chambers' names in the entries that are about one (their <see cref="TimelineEntry.Chamber"/>
    /// holds the chamber's workflow instance until then), read for those entries only.
    /// </summary>
    private static async Task<IReadOnlyList<TimelineEntry>> WithChamberNamesAsync(CampaignDbContext db, string campaignId, IReadOnlyList<TimelineEntry> entries,
        CancellationToken cancellationToken)
    {
        var instances = entries.Select(e => e.Chamber).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (instances.Count == 0)
            return entries;
        var names = await db.CampaignParticipants.Where(p => p.CampaignId == campaignId && instances.Contains(p.InstanceId))
            .Join(db.Chambers, p => p.ChamberId, c => c.Id, (p, c) => new { p.InstanceId, c.Name })
            .ToDictionaryAsync(p => p.InstanceId, p => p.Name, StringComparer.Ordinal, cancellationToken);
        return [.. entries.Select(e => e.Chamber is { } instance ? e with { Chamber = names.GetValueOrDefault(instance) } : e)];
    }

    /// <summary>
    /// A workflow outside any campaign (an approval of its own): when it started and ended, its
    /// tasks given and answered, the mail it sent — its activities named in the reader's language.
    /// </summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadInstanceAsync(LoadedInstance loaded, WorkflowGraph? graph, int limit = 200,
        CancellationToken cancellationToken = default)
    {
        var instanceId = loaded.Info.Id;
        string StageOf(string activityId, string fallback) => graph?.Activities.GetValueOrDefault(activityId)?.LocalizedName() ?? fallback;
        var entries = new List<TimelineEntry> { new(loaded.Info.CreatedAt, TimelineKinds.Started, InstanceId: instanceId) };
        if (loaded.Info.FinishedAt is { } finished)
            entries.Add(new(finished, TimelineKinds.Finished, Action: loaded.Info.Status.ToString(), InstanceId: instanceId));
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            await AddTasksAsync(entries, db.TaskHistory.Where(h => h.InstanceId == instanceId), await taskIndex.OfInstanceAsync(instanceId, cancellationToken),
                StageOf, _ => null, cancellationToken);
        }

        entries.AddRange(await EmailsAsync(null, instanceId, _ => null, cancellationToken));
        return await NewestAsync(entries, limit, cancellationToken);
    }

    /// <summary>Tasks answered (and when each was given), and tasks still open (when given); a chamber's own submissions are told by their receipts instead.</summary>
    private static async Task AddTasksAsync(List<TimelineEntry> entries, IQueryable<TaskHistoryRecord> history, IReadOnlyList<OpenTask> open,
        Func<string, string, string> stageOf, Func<string, string?> aboutChamber, CancellationToken cancellationToken)
    {
        var answered = await history.AsNoTracking().Where(h => h.Kind != TaskKinds.Submission)
            .Select(h => new { h.InstanceId, h.ActivityId, h.Title, h.Assignee, h.Actor, h.Action, h.CreatedAt, h.CompletedAt })
            .ToListAsync(cancellationToken);
        foreach (var h in answered)
        {
            var stage = stageOf(h.ActivityId, h.Title);
            entries.Add(new(Utc(h.CreatedAt), TimelineKinds.TaskOpened, Stage: stage, Person: h.Assignee, Chamber: aboutChamber(h.InstanceId), InstanceId: h.InstanceId));
            entries.Add(new(Utc(h.CompletedAt), TimelineKinds.TaskAnswered, Stage: stage, Person: UserTasks.UserTag(h.Actor), Action: h.Action,
                Chamber: aboutChamber(h.InstanceId), InstanceId: h.InstanceId));
        }

        foreach (var t in open.Where(t => t.Task.Kind != TaskKinds.Submission))
        {
            entries.Add(new(t.CreatedAt, TimelineKinds.TaskOpened, Stage: stageOf(t.ActivityId, t.Task.Title), Person: t.Task.Assignee,
                Chamber: aboutChamber(t.InstanceId), InstanceId: t.InstanceId));
        }
    }

    /// <summary>Newest first; of entries at the same moment (a rehearsal's clock, one step of a workflow), the later in the story first.</summary>
    private async Task<IReadOnlyList<TimelineEntry>> NewestAsync(IEnumerable<TimelineEntry> entries, int limit, CancellationToken cancellationToken) =>
        await NamedAsync([.. entries.OrderByDescending(e => e.At).ThenByDescending(e => StoryOrder.IndexOf(e.Kind)).Take(limit)], cancellationToken);

    private static readonly List<string> StoryOrder =
    [
        TimelineKinds.Created, TimelineKinds.Started, TimelineKinds.Launched, TimelineKinds.TaskOpened, TimelineKinds.TaskAnswered,
        TimelineKinds.Stopped, TimelineKinds.Emailed, TimelineKinds.Submitted, TimelineKinds.SubmissionAnswered, TimelineKinds.Demonstration, TimelineKinds.Finished,
    ];

    /// <summary>
    /// E-mails the campaign's workflows sent (or are sending), by Beijing day and template (which
    /// their outbox key names, see <see cref="Email.CampaignMail.TemplateOf"/>).
    /// </summary>
    private async Task<IEnumerable<TimelineEntry>> EmailsAsync(string? campaignId, string? instanceId, Func<string, string?> aboutChamber,
        CancellationToken cancellationToken)
    {
        await using var wf = await workflows.CreateDbContextAsync(cancellationToken);
        var mail = wf.Outbox.AsNoTracking().Where(m => m.Channel == Email.EmailMessage.Channel && m.Status != Workflows.Outbox.OutboxStatus.Failed);
        mail = instanceId is not null
            ? mail.Where(m => m.InstanceId == instanceId)
            : mail.Where(m => wf.Instances.Any(i => i.Id == m.InstanceId && i.CorrelationId == campaignId));
        var sent = await mail.Select(m => new { m.InstanceId, m.IdempotencyKey, m.CreatedAt }).ToListAsync(cancellationToken);
        return sent
            .Select(m => (m.InstanceId, Template: Email.CampaignMail.TemplateOf(m.IdempotencyKey), At: Utc(m.CreatedAt)))
            .Where(m => m.Template is not null)
            .GroupBy(m => (Day: BeijingTime.DayOf(m.At), m.Template, Instance: instanceId is null ? null : m.InstanceId))
            .Select(g => new TimelineEntry(g.Min(m => m.At), TimelineKinds.Emailed, g.Count(), Template: g.Key.Template,
                Chamber: g.Key.Instance is { } one ? aboutChamber(one) : null, InstanceId: g.Key.Instance));
    }

    /// <summary>Entries of one Beijing day, kind, stage and action for more than <see cref="GroupAbove"/> chambers, as one that counts them.</summary>
    private static IEnumerable<TimelineEntry> Grouped(List<TimelineEntry> entries) =>
        entries.GroupBy(e => (BeijingTime.DayOf(e.At), e.Kind, e.Stage, e.Action, e.Template, Many: e.Chamber is not null))
            .SelectMany(g => g.Key.Many && g.Count() > GroupAbove
                ? [new TimelineEntry(g.Min(e => e.At), g.Key.Kind, g.Count(), g.Key.Stage, Action: g.Key.Action, Template: g.Key.Template)]
                : g.AsEnumerable());

    /// <summary>People by the names others know them by (roles stay tags: the client names them in the reader's language).</summary>
    private async Task<IReadOnlyList<TimelineEntry>> NamedAsync(List<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        var tags = entries.Select(e => e.Person).OfType<string>().Where(p => !p.StartsWith("role:", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (people is null || tags.Count == 0)
            return entries;
        var names = await people.NamesAsync(tags, cancellationToken);
        return [.. entries.Select(e => e.Person is { } person && names.TryGetValue(person, out var name) ? e with { Person = name } : e)];
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
