using System.Collections.Concurrent;
using System.Text;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Portal;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Meetings;

/// <summary>
/// Writes a campaign meeting's news to every participant: for each, in its language, the
/// template with its portal link (where it sends the 回执) and an .ics naming it as the attendee
/// — the invitation, an update of it with a higher sequence, or its cancellation. Participants
/// are read a batch at a time, so 50,000 never sit in memory, and each message joins the outbox
/// under a key of its own, so a mailing taken up again after a crash sends nobody anything twice.
/// </summary>
public sealed class MeetingMailer(
    IDbContextFactory<CampaignDbContext> campaigns,
    CampaignMeetings meetings,
    OutboxStore outbox,
    OutboxSignal signal,
    BulkWork bulkWork,
    EmailTemplates templates,
    PortalLinks links,
    IOptions<MeetingOptions> meetingOptions,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<MeetingMailer> logger) : BackgroundService
{
    public const int BatchSize = 1000;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pulse = signal.NextPulse(MeetingMailing.Channel);
            try
            {
                if (await SendDueAsync(stoppingToken) > 0)
                    continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Meeting mailings could not be read; trying again shortly.");
            }

            await OutboxSignal.WaitAsync(pulse, Poll, stoppingToken);
        }
    }

    /// <summary>One round: the mailings claimed, each written to all participants. Returns how many mailings were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimAsync(MeetingMailing.Channel, 1, Lease, cancellationToken);
        foreach (var message in claimed)
        {
            try
            {
                var mailing = MeetingMailing.FromJson(message.Payload) ?? throw new FormatException("Not a meeting mailing.");
                var written = await WriteAsync(mailing, message.InstanceId, cancellationToken);
                await outbox.MarkSentAsync(message, cancellationToken);
                logger.LogInformation("Meeting {Meeting}: {Template} written to {Count} participants.", mailing.MeetingId, mailing.Template, written);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Meeting mailing {Id} could not be written.", message.Id);
                await outbox.MarkFailedAsync(message, e.Message, e is FormatException or KeyNotFoundException ? null : TimeSpan.FromMinutes(1), cancellationToken);
            }
        }

        return claimed.Count;
    }

    /// <summary>Writes one mailing; returns how many messages it put in the outbox (0 when a later one has made it moot).</summary>
    private async Task<int> WriteAsync(MeetingMailing mailing, string? instanceId, CancellationToken cancellationToken)
    {
        var meeting = await meetings.FindAsync(mailing.MeetingId, cancellationToken)
            ?? throw new KeyNotFoundException($"Meeting {mailing.MeetingId} does not exist.");
        if (mailing.Template == MeetingMailing.Cancelled)
        {
            if (meeting.Status == MeetingStatus.Recorded)
                return 0;
            if (meeting.Status == MeetingStatus.Planned)
            {
                // Nobody was invited yet: nobody is told.
                meeting.Status = MeetingStatus.Cancelled;
                await meetings.SaveAsync(meeting, cancellationToken);
                return 0;
            }

            if (meeting.Status != MeetingStatus.Cancelled)
            {
                meeting.Status = MeetingStatus.Cancelled;
                meeting.Sequence++;
                await meetings.SaveAsync(meeting, cancellationToken);
            }

            mailing = mailing with { Sequence = meeting.Sequence };
        }
        else if (mailing.Sequence < meeting.Sequence || meeting.Status == MeetingStatus.Cancelled)
        {
            return 0; // moved again (or called off) since: the later mailing tells everyone
        }

        string campaign;
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
            campaign = await db.Campaigns.Where(c => c.Id == meeting.CampaignId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";

        // One calendar for the mailing, each participant's copy naming it alone.
        var uid = $"{meeting.Id}@chamber-campaign-workflows";
        var organizer = CalendarInvite.Person(meetingOptions.Value.Organizer ?? "noreply@chamber.localhost");
        var (start, end) = (Utc(meeting.StartsAt), Utc(meeting.EndsAt));
        var calendar = mailing.Template == MeetingMailing.Cancelled
            ? CalendarRequest.Cancellation(uid, mailing.Sequence, meeting.Title, meeting.Location, start, end, clock.GetUtcNow(), organizer)
            : CalendarRequest.Request(uid, mailing.Sequence, meeting.Title, meeting.Location, meeting.Description, start, end, clock.GetUtcNow(), organizer);

        using var burst = bulkWork.Begin();
        var written = 0;
        // A batch is written while the next is rendered: the writing (one connection) and the
        // rendering (every core) took 1.6 s and 2.0 s of the 50,000 invitations one after the other.
        Task<int>? writing = null;
        string? after = null;
        while (true)
        {
            List<ChamberRecord> batch;
            await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
            {
                var chambers = CampaignMeetings.Invitees(db, meeting);
                if (after is not null)
                    chambers = chambers.Where(c => string.Compare(c.Id, after) > 0);
                batch = await chambers.OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            }

            if (batch.Count == 0)
                break;
            // The database's order, whatever its collation: the next batch starts after this one's last.
            after = batch[^1].Id;
            var messages = new ConcurrentBag<OutboxMessage>();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (chamber, ct) =>
                {
                    if (await MessageAsync(mailing, meeting, calendar, campaign, chamber, instanceId, ct) is { } message)
                        messages.Add(message);
                });
            if (writing is not null)
                written += await writing;
            // On a thread of its own: SQLite's "async" calls run synchronously on the caller's.
            writing = Task.Run(() => outbox.EnqueueAsync([.. messages], cancellationToken), cancellationToken);
            if (batch.Count < BatchSize)
                break;
        }

        if (writing is not null)
            written += await writing;
        signal.Pulse(EmailMessage.Channel);
        return written;
    }

    private async Task<OutboxMessage?> MessageAsync(MeetingMailing mailing, CampaignMeetingRecord meeting, CalendarRequest calendar, string campaign,
        ChamberRecord chamber, string? instanceId, CancellationToken cancellationToken)
    {
        var addresses = EmailMessage.Addresses(chamber.Email);
        if (addresses.Count == 0)
            return null;
        var start = Utc(meeting.StartsAt);
        var cancelled = mailing.Template == MeetingMailing.Cancelled;
        var ics = calendar.For(addresses.Select(address => new CalendarPerson(chamber.Name, address)));

        var language = MessageLanguage.Of(chamber.Language);
        var model = CampaignMail.MeetingFields(start);
        model["chamber"] = chamber.Name;
        model["campaign"] = campaign;
        model["title"] = meeting.Title;
        model["description"] = meeting.Description;
        model["location"] = meeting.Location;
        model["link"] = links.IssueLink(chamber);
        model["sender"] = portal.Value.SenderIn(language);
        if (!cancelled)
        {
            model["replyDue"] = CampaignMail.ChineseDate(meeting.ReplyDue);
            model["replyDueEn"] = CampaignMail.EnglishDate(meeting.ReplyDue);
        }

        var method = cancelled ? "CANCEL" : "REQUEST";
        var email = await CampaignMail.RenderAsync(templates, mailing.Template, addresses, model,
            [new EmailAttachment("meeting.ics", $"text/calendar; charset=utf-8; method={method}", Convert.ToBase64String(Encoding.UTF8.GetBytes(ics)))],
            language, cancellationToken);
        return new OutboxMessage(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel, mailing.KeyFor(chamber.Id), email.ToJson(), email.Summary,
            instanceId, clock.GetUtcNow());
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
