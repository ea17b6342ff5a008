using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Portal;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// 催办 by staff: an e-mail to each chosen chamber that still has to submit something, with its
/// personal link, the deadline and staff's note. It goes straight to the outbox — the chambers'
/// workflows are not touched — and a chamber is chased by hand at most once a day per item.
/// </summary>
public sealed class ParticipantChaser(
    IDbContextFactory<CampaignDbContext> campaigns,
    TaskIndex taskIndex,
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
        var chosen = items.Where(i => picked?.Contains(i.ChamberId!) ?? (request.Status == ParticipantStatus.Overdue ? i.Task.DueAt < now : i.Task.DueAt >= now))
            .ToList();
        var nothingToSubmit = picked is null ? 0 : picked.Count - chosen.Select(i => i.ChamberId!).Distinct().Count();

        var calendar = await calendars.GetAsync(cancellationToken);
        var today = BeijingTime.Today(clock);
        var messages = new List<OutboxMessage>(chosen.Count);
        foreach (var batch in chosen.Chunk(500))
        {
            var ids = batch.Select(i => i.ChamberId!).Distinct().ToList();
            Dictionary<string, Chambers.ChamberRecord> chambers;
            await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
                chambers = await db.Chambers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var item in batch)
            {
                if (chambers.GetValueOrDefault(item.ChamberId!) is { } chamber && EmailMessage.Addresses(chamber.Email) is { Count: > 0 } to)
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
            throw new CampaignRequestException(ReaderText.Of($"留言不能超过 {MaxNoteLength} 字", $"The note is longer than {MaxNoteLength} characters."));
        if (request.ChamberIds is { Count: > 0 } ids)
        {
            if (ids.Count > MaxPicked)
                throw new CampaignRequestException(ReaderText.Of($"一次最多催办 {MaxPicked} 家", $"At most {MaxPicked} chambers at a time."));
            return new HashSet<string>(ids, StringComparer.Ordinal);
        }

        if (request.Status is ParticipantStatus.Pending or ParticipantStatus.Overdue)
            return null;
        throw new CampaignRequestException(ReaderText.Of("请选择要催办的商会，或按状态催办（pending 或 overdue）", "Pick chambers, or a status to chase: pending or overdue."));
    }

    /// <summary>What the chambers of the campaign (those picked, when a few are) still have to submit.</summary>
    private async Task<IReadOnlyList<OpenTask>> OpenSubmissionsAsync(string campaignId, HashSet<string>? picked, CancellationToken cancellationToken) =>
        // Up to a page of chambers, ask for exactly theirs; for more, reading the campaign's is cheaper than a long list.
        await taskIndex.SubmissionsOfCampaignAsync(campaignId, picked is { Count: <= 500 } ? picked : null, cancellationToken);

    private async Task<OutboxMessage> MessageAsync(CampaignRecord campaign, Chambers.ChamberRecord chamber, IReadOnlyList<string> to, OpenTask item,
        ChineseBusinessCalendar calendar, DateOnly today, string? note, CancellationToken cancellationToken)
    {
        var due = item.Task.DueAt is { } dueAt ? BeijingTime.DayOf(dueAt) : today;
        var model = CampaignMail.DueFields(calendar, today, due);
        model["chamber"] = chamber.Name;
        model["campaign"] = item.Task.Context?.GetValueOrDefault("campaign") is { Length: > 0 } name ? name : campaign.Name;
        model["title"] = item.Task.Title;
        model["description"] = item.Task.Description;
        model["note"] = string.IsNullOrEmpty(note) ? null : note;
        model["link"] = links.IssueLink(chamber);
        var language = MessageLanguage.Of(chamber.Language);
        CampaignWording.Of(campaign).AddTo(model, options.Value, language);
        var rendered = await templates.RenderAsync(Template, model, language, cancellationToken);
        var email = new EmailMessage(to, rendered.Subject, rendered.Text, rendered.Html);
        return new OutboxMessage(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel,
            $"{item.InstanceId}/{item.Id}/{Template}/{today:yyyyMMdd}", email.ToJson(), email.Summary, item.InstanceId, clock.GetUtcNow());
    }
}
