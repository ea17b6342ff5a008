using System.Collections.Concurrent;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chamber.Campaigns.Mailings;

/// <summary>
/// Writes a mailing to every participant it concerns: participants are read a batch at a time in
/// the database's order, so 50,000 never sit in memory; each batch is rendered on every core and
/// written while the next is rendered; and each message joins the outbox under a key of its own,
/// so a mailing taken up again after a crash sends nobody anything twice.
/// </summary>
public sealed class ParticipantMailer(
    IDbContextFactory<CampaignDbContext> campaigns,
    IEnumerable<IParticipantLetters> letters,
    OutboxStore outbox,
    OutboxSignal signal,
    BulkWork bulkWork,
    ILogger<ParticipantMailer> logger) : BackgroundService
{
    public const int BatchSize = 1000;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IParticipantLetters> _letters = letters.ToDictionary(l => l.Kind, StringComparer.Ordinal);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunAsync(ParticipantMailing.Channel, Poll, SendDueAsync, logger, "Writing participant mailings", stoppingToken);

    /// <summary>One round: the mailings claimed, each written to its participants. Returns how many mailings were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimAsync(ParticipantMailing.Channel, 1, Lease, cancellationToken);
        foreach (var message in claimed)
        {
            try
            {
                var mailing = ParticipantMailing.FromJson(message.Payload) ?? throw new FormatException("Not a participant mailing.");
                var kind = _letters.GetValueOrDefault(mailing.Kind) ?? throw new FormatException($"No letters of the kind '{mailing.Kind}'.");
                var written = await kind.PrepareAsync(mailing, message.InstanceId, cancellationToken) is { } prepared
                    ? await WriteAsync(prepared, cancellationToken)
                    : 0;
                await outbox.MarkSentAsync(message, cancellationToken);
                logger.LogInformation("Mailing {Key}: written to {Count} participants.", mailing.Key, written);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Participant mailing {Id} could not be written.", message.Id);
                await outbox.MarkFailedAsync(message, e.Message, e is FormatException or KeyNotFoundException ? null : TimeSpan.FromMinutes(1), cancellationToken);
            }
        }

        return claimed.Count;
    }

    /// <summary>Writes the letters; returns how many messages joined the outbox.</summary>
    private async Task<int> WriteAsync(Letters letters, CancellationToken cancellationToken)
    {
        using var burst = bulkWork.Begin();
        var written = 0;
        // A batch is written while the next is rendered: the writing (one connection) and the
        // rendering (every core) took 1.6 s and 2.0 s of 50,000 invitations one after the other.
        Task<int>? writing = null;
        string? after = null;
        while (true)
        {
            List<ChamberRecord> batch;
            await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
            {
                var chambers = letters.Recipients(db);
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
                    if (await letters.Write(chamber, ct) is { } message)
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
}
