using Chamber.Activities.Calendar;
using Chamber.Activities.Email;
using Chamber.Activities.Persistence;
using Chamber.Activities.Portal;
using Chamber.Activities.Tasks;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Activities.Campaigns;

/// <summary>Whom to chase: the chambers picked in the list, or every participant in a status (pending or overdue).</summary>
/// <param name="Note">Staff's message, added to the e-mail.</param>
public sealed record ChaseRequest(IReadOnlyList<string>? ChamberIds, string? Status, string? Note);

/// <summary>What a 催办 did: e-mails written to the outbox, chambers chased today already (not mailed twice), and picked chambers with nothing to submit.</summary>
public sealed record ChaseResult(int Chased, int AlreadyChasedToday, int NothingToSubmit);

/// <summary>
/// 催办 by staff: an e-mail to each chosen chamber that still has to submit something, with its
/// personal link, the deadline and staff's note. It goes straight to the outbox — the chambers'
/// workflows are not touched — and a chamber is chased by hand at most once a day per item.
/// </summary>
public sealed class ParticipantChaser(
    IDbContextFactory<CampaignDbContext> campaigns,
    IDbContextFactory<WorkflowsDbContext> workflows,
    OutboxStore outbox,
    OutboxSignal signal,
    EmailTemplates templates,
    PortalLinks links,
    BusinessCalendarService calendars,
    IOptions<PortalOptions> options,
    TimeProvider clock)
{
    public const string Template = "submission-chase";
    public const int MaxNoteLength = 500;
    public const int MaxPicked = 50_000;

    public async Task<ChaseResult> ChaseAsync(CampaignRecord campaign, ChaseRequest request, CancellationToken cancellationToken = default)
    {
        var picked = Validate(request);
        var now = clock.GetUtcNow();
        var items = await OpenSubmissionsAsync(campaign.Id, picked, cancellationToken);
        var chosen = items.Where(i => picked?.Contains(i.ChamberId) ?? (request.Status == ParticipantStatus.Overdue ? i.Payload.DueAt < now : i.Payload.DueAt >= now))
            .ToList();
        var nothingToSubmit = picked is null ? 0 : picked.Count - chosen.Select(i => i.ChamberId).Distinct().Count();

        var calendar = await calendars.GetAsync(cancellationToken);
        var today = BeijingTime.Today(clock);
        var messages = new List<OutboxMessage>(chosen.Count);
        foreach (var batch in chosen.Chunk(500))
        {
            var ids = batch.Select(i => i.ChamberId).Distinct().ToList();
            Dictionary<string, Chambers.ChamberRecord> chambers;
            await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
                chambers = await db.Chambers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var item in batch)
            {
                if (chambers.GetValueOrDefault(item.ChamberId) is { } chamber && EmailMessage.Addresses(chamber.Email) is { Count: > 0 } to)
                    messages.Add(await MessageAsync(campaign, chamber, to, item, calendar, today, request.Note?.Trim(), cancellationToken));
            }
        }

        var added = 0;
        foreach (var batch in messages.Chunk(1000))
            added += await outbox.EnqueueAsync(batch, cancellationToken);
        if (added > 0)
            signal.Pulse(EmailMessage.Channel);
        return new ChaseResult(added, messages.Count - added, nothingToSubmit);
    }

    /// <summary>The chambers picked (null: chosen by status); throws <see cref="CampaignRequestException"/> when the request cannot be done.</summary>
    private static HashSet<string>? Validate(ChaseRequest request)
    {
        if (request.Note?.Length > MaxNoteLength)
            throw new CampaignRequestException($"留言不能超过 {MaxNoteLength} 字 / The note is longer than {MaxNoteLength} characters.");
        if (request.ChamberIds is { Count: > 0 } ids)
        {
            if (ids.Count > MaxPicked)
                throw new CampaignRequestException($"一次最多催办 {MaxPicked} 家 / At most {MaxPicked} chambers at a time.");
            return new HashSet<string>(ids, StringComparer.Ordinal);
        }

        if (request.Status is ParticipantStatus.Pending or ParticipantStatus.Overdue)
            return null;
        throw new CampaignRequestException("请选择要催办的商会，或按状态催办（pending 或 overdue）/ Pick chambers, or a status to chase: pending or overdue.");
    }

    private sealed record OpenSubmission(string InstanceId, string TaskId, string ChamberId, TaskPayload Payload);

    /// <summary>What the chambers of the campaign (those picked, when a few are) still have to submit, from the bookmark index.</summary>
    private async Task<IReadOnlyList<OpenSubmission>> OpenSubmissionsAsync(string campaignId, HashSet<string>? picked, CancellationToken cancellationToken)
    {
        var prefix = UserTasks.ChamberTag("");
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var query = db.Bookmarks.AsNoTracking().Where(b => b.CorrelationId == campaignId && b.Name == UserTasks.BookmarkName && b.Tag!.StartsWith(prefix));
        if (picked is { Count: <= 500 })
        {
            var tags = picked.Select(UserTasks.ChamberTag).ToList();
            query = query.Where(b => tags.Contains(b.Tag!));
        }

        var rows = await query.Select(b => new { b.InstanceId, b.Key, b.Tag, b.Payload }).ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new OpenSubmission(r.InstanceId, r.Key ?? "", r.Tag![prefix.Length..], TaskPayload.FromJson(r.Payload)))
            .Where(s => s.Payload.Kind == "Submission")];
    }

    private async Task<OutboxMessage> MessageAsync(CampaignRecord campaign, Chambers.ChamberRecord chamber, IReadOnlyList<string> to, OpenSubmission item,
        ChineseBusinessCalendar calendar, DateOnly today, string? note, CancellationToken cancellationToken)
    {
        var due = item.Payload.DueAt is { } dueAt ? BeijingTime.DayOf(dueAt) : today;
        var model = CampaignMail.DueFields(calendar, today, due);
        model["chamber"] = chamber.Name;
        model["campaign"] = item.Payload.Context?.GetValueOrDefault("campaign") is { Length: > 0 } name ? name : campaign.Name;
        model["title"] = item.Payload.Title;
        model["description"] = item.Payload.Description;
        model["note"] = string.IsNullOrEmpty(note) ? null : note;
        model["link"] = links.IssueLink(chamber);
        model["sender"] = options.Value.SenderName;
        var rendered = await templates.RenderAsync(Template, model, cancellationToken);
        var email = new EmailMessage(to, rendered.Subject, rendered.Text, rendered.Html);
        return new OutboxMessage(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel,
            $"{item.InstanceId}/{item.TaskId}/{Template}/{today:yyyyMMdd}", email.ToJson(), email.Summary, item.InstanceId, clock.GetUtcNow());
    }
}
