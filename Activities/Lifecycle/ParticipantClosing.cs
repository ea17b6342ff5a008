using System.Text.Json;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>A campaign closed on its closing date: the participants left unfinished, to be stopped.</summary>
public sealed record ClosedCampaign(string CampaignId, string Outcome)
{
    public const string Channel = "campaign.closed";

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ClosedCampaign? FromJson(string json) => JsonSerializer.Deserialize<ClosedCampaign>(json, JsonSerializerOptions.Web);
}

/// <summary>
/// A campaign's closing date (<see cref="ForEachParticipant.ClosingDate"/>): the participants that
/// have not reached its stage are recorded as not passed (不合格) or not taking part (未参加), in one
/// statement within the closing step, and their workflows are stopped afterwards, a batch at a
/// time, so nobody is chased for a campaign that is over.
/// </summary>
public sealed class ParticipantClosing(
    IDbContextFactory<CampaignDbContext> campaigns,
    WorkflowRuntime runtime,
    OutboxStore outbox,
    OutboxSignal signal,
    ILogger<ParticipantClosing> logger) : BackgroundService
{
    private const int Concurrency = 8;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>Records the unfinished participants' outcome; returns how many there were.</summary>
    public async Task<int> RecordUnfinishedAsync(string campaignId, AwaitedStage stage, string outcome, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var unfinished = await stage.Unreached(db, campaignId).Where(p => p.Outcome == null).Select(p => p.ChamberId).ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var chunk in unfinished.Chunk(1000))
        {
            recorded += await db.CampaignParticipants.Where(p => p.CampaignId == campaignId && p.Outcome == null && chunk.Contains(p.ChamberId))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Outcome, outcome), cancellationToken);
        }

        return recorded;
    }

    /// <summary>The counts the campaign goes on with.</summary>
    public async Task<ParticipantsReached> CountsAsync(string campaignId, AwaitedStage stage, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var participants = await db.CampaignParticipants.CountAsync(p => p.CampaignId == campaignId, cancellationToken);
        var reached = await stage.CountReachedAsync(db, campaignId, cancellationToken);
        var outcomes = await db.CampaignParticipants.Where(p => p.CampaignId == campaignId && p.Outcome != null)
            .GroupBy(p => p.Outcome!).Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Outcome, g => g.Count, cancellationToken);
        return new ParticipantsReached(stage.Stage, participants, reached, outcomes.GetValueOrDefault(CampaignProgress.Outcomes.Commended),
            outcomes.GetValueOrDefault(CampaignProgress.Outcomes.Rectifying),
            outcomes.GetValueOrDefault(CampaignProgress.Outcomes.NotPassed) + outcomes.GetValueOrDefault(CampaignProgress.Outcomes.NotParticipated));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunAsync(ClosedCampaign.Channel, Poll, StopUnfinishedAsync, logger, "Stopping closed campaigns' participants", stoppingToken);

    /// <summary>One round: the closed campaigns claimed, their unfinished participants' workflows stopped. Returns how many campaigns were claimed.</summary>
    public async Task<int> StopUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimAsync(ClosedCampaign.Channel, 1, TimeSpan.FromMinutes(10), cancellationToken);
        foreach (var message in claimed)
        {
            if (ClosedCampaign.FromJson(message.Payload) is not { } closed)
            {
                await outbox.MarkFailedAsync(message, "Not a closed campaign.", null, cancellationToken);
                continue;
            }

            List<string> unfinished;
            await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
            {
                unfinished = await db.CampaignParticipants.Where(p => p.CampaignId == closed.CampaignId && p.Launched && p.Outcome == closed.Outcome)
                    .Select(p => p.InstanceId).ToListAsync(cancellationToken);
            }

            var stopped = 0;
            await Parallel.ForEachAsync(unfinished, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (instanceId, ct) =>
                {
                    try
                    {
                        await runtime.CancelAsync(instanceId, ct);
                        Interlocked.Increment(ref stopped);
                    }
                    catch (Exception e) when (e is WorkflowNotFoundException or WorkflowConflictException)
                    {
                        // Finished or stopped meanwhile: nothing to stop.
                    }
                });
            await outbox.MarkSentAsync(message, cancellationToken);
            logger.LogInformation("Campaign {Campaign} closed: {Count} unfinished participants stopped.", closed.CampaignId, stopped);
        }

        return claimed.Count;
    }
}
