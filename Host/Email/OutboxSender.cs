using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chamber.Campaigns.Email;
using Chamber.Workflows.Outbox;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chamber.Host.Email;

/// <summary>
/// Delivers the outbox's e-mails: claims due messages, sends them a few at a time, and marks each
/// sent, or failed with a growing delay before the next attempt. A host that dies mid-send leaves
/// its claims to run out and be taken again. SMTP itself cannot promise exactly-once: a message
/// the server accepted just before a crash is sent again, with the same Message-ID, which is
/// derived from the outbox's idempotency key so that mail systems can recognise the duplicate.
/// </summary>
internal sealed class OutboxSender(
    OutboxStore outbox,
    OutboxSignal signal,
    BulkWork bulkWork,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>A slice is this many messages per connection: marked sent together, one write for them all.</summary>
    private const int SliceFactor = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.SenderEnabled
            ? signal.RunAsync(EmailMessage.Channel, options.Value.PollInterval, SendDueAsync, logger, "Sending the outbox's e-mails", stoppingToken)
            : Task.CompletedTask;

    /// <summary>
    /// One round: returns how many messages were claimed. They are sent a few at a time and marked
    /// sent a slice at a time: one write per slice instead of one per message, at the price of
    /// sending at most a slice again after a crash (with the same Message-ID).
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Wait first, claim after: a claim is a write beside the burst's, and its lease would run
        // while the sender waited. Making way, it claims only the slice it is about to send.
        var concurrency = await ConcurrencyNowAsync(settings, cancellationToken);
        var claimed = await outbox.ClaimAsync(EmailMessage.Channel,
            concurrency < FullConcurrency(settings) ? concurrency * SliceFactor : settings.BatchSize, settings.Lease, cancellationToken);
        for (var next = 0; next < claimed.Count;)
        {
            if (next > 0)
                concurrency = await ConcurrencyNowAsync(settings, cancellationToken);
            var slice = claimed.Skip(next).Take(concurrency * SliceFactor).ToList();
            next += slice.Count;
            var sent = new System.Collections.Concurrent.ConcurrentBag<OutboxRecord>();
            await Parallel.ForEachAsync(slice, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (message, ct) =>
                {
                    if (await SendOneAsync(message, ct))
                        sent.Add(message);
                });
            await outbox.MarkSentAsync(sent, CancellationToken.None);
        }

        return claimed.Count;
    }

    /// <summary>
    /// How many messages go out at once now. While a launch or a large reminder sweep runs, the
    /// sender makes way (<see cref="EmailOptions.ConcurrencyDuringBulkWork"/>): by default it waits
    /// until the burst is over, but never longer than <see cref="EmailOptions.MaxBulkWorkPause"/>
    /// at a time before sending a slice on one connection, so mail still trickles out during a
    /// burst of many minutes.
    /// </summary>
    private async Task<int> ConcurrencyNowAsync(EmailOptions settings, CancellationToken cancellationToken)
    {
        var normal = FullConcurrency(settings);
        if (!await bulkWork.IsRunningAnywhereAsync(cancellationToken))
            return normal;
        if (settings.ConcurrencyDuringBulkWork > 0)
            return Math.Min(settings.ConcurrencyDuringBulkWork, normal);
        return await bulkWork.WaitUntilIdleAsync(settings.MaxBulkWorkPause, cancellationToken) ? normal : 1;
    }

    /// <summary>How many messages go out at once when nothing else is running.</summary>
    private static int FullConcurrency(EmailOptions settings) => Math.Max(1, settings.Concurrency);

    /// <summary>Sends one message; false when it failed (and was marked so).</summary>
    private async Task<bool> SendOneAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            using var mail = Compose(message, settings, clock.GetUtcNow());
            await transport.SendAsync(mail, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A message that cannot be composed will not compose next time either; a server that
            // refuses it for good (5xx: no such mailbox, message refused) will refuse it again.
            var age = clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc);
            var permanent = IsPermanent(e) || age >= settings.GiveUpAfter;
            var retryAfter = permanent ? (TimeSpan?)null : settings.BackoffAfter(message.Attempts);
            logger.LogWarning("E-mail {Id} attempt {Attempt} failed: {Error}{Next}", message.Id, message.Attempts, e.Message,
                retryAfter is null ? "; giving up" : $"; next attempt in {retryAfter}");
            await outbox.MarkFailedAsync(message, Describe(e), retryAfter, CancellationToken.None);
            return false;
        }
    }

    /// <summary>The failure as an administrator reads it: the server's code and the address it refused, when it was the server.</summary>
    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode}{(smtp.Mailbox is { } box ? $" <{box.Address}>" : "")}: {smtp.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static bool IsPermanent(Exception e) => e switch
    {
        JsonException or FormatException or ArgumentException or ParseException => true,
        SmtpCommandException smtp => (int)smtp.StatusCode >= 500,
        _ => false,
    };

    /// <summary>
    /// The outbox message as MIME: text and HTML alternatives (base64, so that every relay passes
    /// the Chinese unchanged), attachments, the stable Message-ID, and the Date of the application
    /// clock in Beijing time — a rehearsal on a manual clock sends mail dated on its simulated day.
    /// </summary>
    internal static MimeMessage Compose(OutboxRecord record, EmailOptions settings, DateTimeOffset now)
    {
        var email = EmailMessage.FromJson(record.Payload);
        var mail = new MimeMessage { Subject = email.Subject, Date = now.ToOffset(TimeSpan.FromHours(8)), MessageId = MessageIds.For(record.IdempotencyKey) };
        mail.From.Add(MailboxAddress.Parse(email.From ?? settings.From));
        mail.To.AddRange(email.To.Select(MailboxAddress.Parse));
        mail.Cc.AddRange((email.Cc ?? []).Select(MailboxAddress.Parse));
        mail.Bcc.AddRange((email.Bcc ?? []).Select(MailboxAddress.Parse));
        mail.Headers.Add("X-Chamber-Outbox-Id", record.Id);

        MimeEntity body = Text("plain", email.Text);
        if (email.Html is { } html)
            body = new MultipartAlternative { body, Text("html", html) };
        if (email.Attachments is { Count: > 0 } attachments)
        {
            var mixed = new Multipart("mixed") { body };
            foreach (var attachment in attachments)
            {
                mixed.Add(new MimePart(ContentType.Parse(attachment.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(Convert.FromBase64String(attachment.ContentBase64))),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = attachment.FileName,
                });
            }

            body = mixed;
        }

        mail.Body = body;
        return mail;
    }

    private static TextPart Text(string subtype, string text)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}

public static class MessageIds
{
    /// <summary>The Message-ID of an outbox e-mail: the same idempotency key always gives the same one.</summary>
    public static string For(string idempotencyKey) =>
        $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}@chamber-campaign-workflows";
}
