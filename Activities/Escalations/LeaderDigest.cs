using System.Text.Json;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Portal;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Chamber.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Escalations;

/// <summary>
/// The leaders' daily 督办 digest: at <see cref="LeaderDigestOptions.SendAt"/> on working days,
/// every escalation waiting for a leader becomes one e-mail to that leader, addressed by name,
/// listing each late chamber or approver by name with how far overdue it is. The escalations are
/// marked delivered once the digest is in the outbox; a digest written twice after a crash is
/// dropped by its idempotency key.
/// </summary>
public sealed class LeaderDigest(
    OutboxStore outbox,
    OutboxSignal signal,
    EmailTemplates templates,
    BusinessCalendarService calendars,
    IOptions<PortalOptions> portal,
    ILogger<LeaderDigest> logger,
    IPeopleDirectory? people = null,
    IDbContextFactory<WorkflowsDbContext>? workflows = null) : IScheduledWork
{
    public const string Channel = "Chamber.Escalation";
    public const string Template = "leader-digest";

    private const int BatchSize = 5_000;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromHours(1);

    public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) => outbox.NextDueAtAsync(Channel, cancellationToken);

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await outbox.ClaimAsync(Channel, BatchSize, Lease, cancellationToken);
        if (claimed.Count == 0)
            return 0;
        var escalations = new List<(OutboxRecord Message, Escalation Escalation)>(claimed.Count);
        foreach (var message in claimed)
        {
            if (Read(message) is { } escalation)
                escalations.Add((message, escalation));
            else
                await outbox.MarkFailedAsync(message, "Not an escalation.", null, cancellationToken);
        }

        // A matter whose workflow has ended since (its campaign stopped or closed, its part finished) is
        // nobody's to chase any more: it is dropped rather than put before a leader.
        var ended = await EndedAsync([.. escalations.Select(e => e.Message.InstanceId).OfType<string>().Distinct(StringComparer.Ordinal)], cancellationToken);
        bool Moot((OutboxRecord Message, Escalation Escalation) e) => e.Message.InstanceId is { } id && ended.Contains(id);
        var moot = escalations.Where(Moot).ToList();
        if (moot.Count > 0)
        {
            await outbox.MarkSentAsync([.. moot.Select(e => e.Message)], cancellationToken);
            escalations.RemoveAll(Moot);
            logger.LogInformation("{Count} escalations dropped from the 督办 digest: their workflows have ended.", moot.Count);
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var today = BeijingTime.DayOf(now);
        var names = await NamesAsync(escalations.Select(e => e.Escalation), cancellationToken);
        var languages = people is null ? new Dictionary<string, string>()
            : await people.LanguagesAsync([.. escalations.Select(e => e.Escalation.Leader).Distinct(StringComparer.Ordinal)], cancellationToken);
        foreach (var forLeader in escalations.GroupBy(e => e.Escalation.Leader.ToLowerInvariant()))
        {
            var items = forLeader.ToList();
            try
            {
                // The first escalation in it names the digest: the same set taken again after a crash is the same digest.
                var key = $"digest/{forLeader.Key}/{items.Min(i => i.Message.Id)}";
                var language = items.Select(i => languages.GetValueOrDefault(i.Escalation.Leader)).FirstOrDefault(l => l is not null) ?? MessageLanguage.Chinese;
                var digest = await DigestAsync(forLeader.Key, key, [.. items.Select(i => i.Escalation)], names, language, calendar, today, now, cancellationToken);
                await outbox.EnqueueAsync([digest], cancellationToken);
                await outbox.MarkSentAsync([.. items.Select(i => i.Message)], CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A template an administrator broke, or the database away: this leader's escalations wait an hour, the others go.
                logger.LogError(e, "The 督办 digest for {Leader} could not be written; it is tried again in an hour.", forLeader.Key);
                foreach (var (message, _) in items)
                    await outbox.MarkFailedAsync(message, e.Message, RetryAfter, CancellationToken.None);
            }
        }

        signal.Pulse(EmailMessage.Channel);
        return claimed.Count;
    }

    private async Task<OutboxMessage> DigestAsync(string leader, string key, IReadOnlyList<Escalation> escalations, IReadOnlyDictionary<string, string> names,
        string language, ChineseBusinessCalendar calendar, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var matters = escalations
            .OrderBy(e => e.Campaign, StringComparer.Ordinal).ThenBy(e => e.Due).ThenBy(e => e.Chamber, StringComparer.Ordinal)
            .Select(e =>
            {
                var matter = CampaignMail.DueFields(calendar, today, e.Due);
                matter["title"] = e.Title;
                matter["campaign"] = e.Campaign;
                matter["chamber"] = e.Chamber;
                matter["approvers"] = string.Join("、", e.Approvers.Select(a => names.GetValueOrDefault(a, a)));
                return matter;
            })
            .ToList();
        var model = new Dictionary<string, object?>
        {
            ["name"] = names.GetValueOrDefault(UserTasks.UserTag(leader), leader),
            ["count"] = matters.Count,
            ["matters"] = matters,
            ["date"] = CampaignMail.ChineseDate(today),
            ["dateEn"] = CampaignMail.EnglishDate(today),
        };
        CampaignMail.StaffFields(portal.Value, model, language);
        var message = await CampaignMail.RenderAsync(templates, Template, [leader], model, language: language, cancellationToken: cancellationToken);
        return new OutboxMessage(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel, key, message.ToJson(), message.Summary, null, now);
    }

    /// <summary>Of these workflow instances, those that have ended (finished or cancelled).</summary>
    private async Task<HashSet<string>> EndedAsync(List<string> instanceIds, CancellationToken cancellationToken)
    {
        var ended = new HashSet<string>(StringComparer.Ordinal);
        if (workflows is null || instanceIds.Count == 0)
            return ended;
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in instanceIds.Chunk(1000))
        {
            ended.UnionWith(await db.Instances.Where(i => chunk.Contains(i.Id) && (i.Status == WorkflowStatus.Finished || i.Status == WorkflowStatus.Cancelled))
                .Select(i => i.Id).ToListAsync(cancellationToken));
        }

        return ended;
    }

    /// <summary>Everybody the digests name, in one lookup: the leaders and the late approvers.</summary>
    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<Escalation> escalations, CancellationToken cancellationToken)
    {
        var tags = escalations.SelectMany(e => e.Approvers.Append(UserTasks.UserTag(e.Leader))).ToHashSet(StringComparer.Ordinal);
        if (people is null)
            return tags.ToDictionary(t => t, t => t[(t.IndexOf(':', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
        return await people.NamesAsync(tags, cancellationToken);
    }

    private static Escalation? Read(OutboxRecord message)
    {
        try
        {
            return JsonSerializer.Deserialize<Escalation>(message.Payload, StateJson.Options) is { Leader.Length: > 0 } escalation ? escalation : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
