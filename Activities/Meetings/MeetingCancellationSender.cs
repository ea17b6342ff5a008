using System.Text;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Portal;
using Chamber.Workflows.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Meetings;

/// <summary>
/// Turns called-off meetings into the chambers' cancellation e-mails: the <c>meeting-cancelled</c>
/// template with a <c>METHOD:CANCEL</c> .ics of the same UID, which removes the meeting from the
/// chamber's calendar. The e-mail joins the outbox under a key of its own, so a cancellation
/// taken twice (after a crash) is sent once.
/// </summary>
public sealed class MeetingCancellationSender(
    OutboxStore outbox,
    OutboxSignal signal,
    EmailTemplates templates,
    ChamberDirectory chambers,
    IOptions<MeetingOptions> meetings,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<MeetingCancellationSender> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunAsync(MeetingCancellation.Channel, Poll, SendDueAsync, logger, "Sending meeting cancellations", stoppingToken);

    /// <summary>One round: the cancellations claimed, each made into an e-mail. Returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimAsync(MeetingCancellation.Channel, 100, Lease, cancellationToken);
        foreach (var message in claimed)
        {
            try
            {
                var cancellation = MeetingCancellation.FromJson(message.Payload) ?? throw new FormatException("Not a meeting cancellation.");
                await outbox.EnqueueAsync([await EmailAsync(cancellation, message, cancellationToken)], cancellationToken);
                await outbox.MarkSentAsync(message, cancellationToken);
                signal.Pulse(EmailMessage.Channel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Meeting cancellation {Id} could not be made into an e-mail.", message.Id);
                await outbox.MarkFailedAsync(message, e.Message, e is FormatException or KeyNotFoundException ? null : TimeSpan.FromMinutes(1), cancellationToken);
            }
        }

        return claimed.Count;
    }

    private async Task<OutboxMessage> EmailAsync(MeetingCancellation cancellation, OutboxRecord source, CancellationToken cancellationToken)
    {
        // A chamber removed from the directory meanwhile cannot be told: that fails for good, visibly in the outbox.
        var chamber = await chambers.FindAsync(cancellation.ChamberId, cancellationToken)
            ?? throw new KeyNotFoundException(ChamberDirectory.NotInDirectory(cancellation.ChamberId));
        var addresses = EmailMessage.Addresses(chamber.Email);
        var ics = CalendarInvite.Cancel(cancellation.Uid, cancellation.Sequence, cancellation.Title, cancellation.Location, cancellation.Start, cancellation.End,
            clock.GetUtcNow(), CalendarInvite.Person(meetings.Value.Organizer ?? "noreply@chamber.localhost"),
            addresses.Select(address => new CalendarPerson(chamber.Name, address)));
        var language = MessageLanguage.Of(chamber.Language);
        var model = CampaignMail.MeetingFields(cancellation.Start);
        model["chamber"] = chamber.Name;
        model["campaign"] = cancellation.Campaign ?? "";
        model["title"] = cancellation.Title;
        model["location"] = cancellation.Location;
        model["sender"] = portal.Value.SenderIn(language);
        var email = await CampaignMail.RenderAsync(templates, "meeting-cancelled", addresses, model,
            [new EmailAttachment("meeting.ics", "text/calendar; charset=utf-8; method=CANCEL", Convert.ToBase64String(Encoding.UTF8.GetBytes(ics)))],
            language, cancellationToken);
        return new OutboxMessage(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel, "meeting-cancelled-email/" + cancellation.Uid,
            email.ToJson(), email.Summary, source.InstanceId, clock.GetUtcNow());
    }
}
