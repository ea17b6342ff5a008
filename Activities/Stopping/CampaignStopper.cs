using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Mailings;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chamber.Campaigns.Stopping;

/// <summary>
/// Carries out the stop of a campaign (<see cref="CampaignService.StopAsync"/>) in the background:
/// its own workflow is cancelled first (so it asks for no more launches or closings), then every
/// participant's workflow still going, several at a time; then its participants still expected
/// to act are told. A federation's campaign opened for an upper one is stopped when its part
/// there is cancelled (<see cref="SubCampaignWithdrawal"/>), and so on down the levels. Each step
/// can be run again after a crash: cancelling an ended workflow is skipped, the letters are keyed.
/// </summary>
public sealed class CampaignStopper(
    IDbContextFactory<CampaignDbContext> campaigns,
    IDbContextFactory<WorkflowsDbContext> workflows,
    CampaignService service,
    WorkflowRuntime runtime,
    OutboxStore outbox,
    OutboxSignal signal,
    AdvisoryLock locks,
    TimeProvider clock,
    ILogger<CampaignStopper> logger,
    Mediator.IPublisher? publisher = null) : BackgroundService
{
    private const int Concurrency = 8;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>Wakes the stopper: a campaign was stopped, or a federation's part withdrawn.</summary>
    public void Pulse() => signal.Pulse(SubCampaignWithdrawal.Channel);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunAsync(SubCampaignWithdrawal.Channel, Poll, RunOnceAsync, logger, "Stopping campaigns", stoppingToken);

    /// <summary>One round: the withdrawn federations' campaigns stopped, then every stopped campaign's workflows cancelled. Returns how many of either were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default) =>
        await TakeWithdrawalsAsync(cancellationToken) + await CancelStoppedAsync(cancellationToken);

    private async Task<int> TakeWithdrawalsAsync(CancellationToken cancellationToken)
    {
        var claimed = await outbox.ClaimAsync(SubCampaignWithdrawal.Channel, 20, TimeSpan.FromMinutes(2), cancellationToken);
        foreach (var message in claimed)
        {
            if (SubCampaignWithdrawal.FromJson(message.Payload) is not { } withdrawal)
            {
                await outbox.MarkFailedAsync(message, "Not a withdrawal.", null, cancellationToken);
                continue;
            }

            try
            {
                await service.StopAsync(withdrawal.CampaignId, await ReasonAsync(withdrawal.ParentCampaignId, cancellationToken), null, byUpperLevel: true,
                    cancellationToken);
            }
            catch (CampaignStateException)
            {
                // Stopped already.
            }

            await outbox.MarkSentAsync(message, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>Why a federation's campaign stops: its upper campaign's reason, or the upper campaign's closing.</summary>
    private async Task<string> ReasonAsync(string parentId, CancellationToken cancellationToken)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var parent = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken);
        // Recorded once, as text, like a reason a person writes: in the campaigns' own language.
        var text = parent switch
        {
            null => "上级活动已不存在",
            { Status: CampaignStatus.Stopped } => $"上级活动“{parent.Name}”已中止：{parent.StopReason}",
            _ => $"本单位在上级活动“{parent.Name}”中的流程已终止（上级活动已截止或已将其终止）",
        };
        return text.Length <= CampaignService.MaxStopReasonLength ? text : text[..CampaignService.MaxStopReasonLength];
    }

    private async Task<int> CancelStoppedAsync(CancellationToken cancellationToken)
    {
        List<CampaignRecord> pending;
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
            pending = await db.Campaigns.AsNoTracking().Where(c => c.StopPending).ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var campaign in pending)
        {
            // Not while the launcher starts a batch of its participants: it sees the stop before its next one.
            await using var launch = await locks.TryAcquireAsync($"campaign-launch:{campaign.Id}", cancellationToken);
            if (launch is null)
                continue;
            var cancelled = await CancelWorkflowsAsync(campaign.Id, cancellationToken);
            var mailing = CampaignStopLetters.Mailing(campaign.Id);
            var own = CampaignService.CampaignInstanceId(campaign.Id);
            await outbox.EnqueueAsync([new OutboxMessage(Guid.CreateVersion7().ToString("N"), ParticipantMailing.Channel, mailing.Key, mailing.ToJson(),
                $"{campaign.Name} · {CampaignStopLetters.Template}", own, clock.GetUtcNow())], cancellationToken);
            signal.Pulse(ParticipantMailing.Channel);
            await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
                await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.StopPending, false), cancellationToken);
            logger.LogInformation("Campaign {Campaign} stopped: {Count} workflows cancelled.", campaign.Id, cancelled);
            // Its open pages refresh: the stop is carried out, the participants' parts ended.
            if (publisher is not null)
                await publisher.Publish(new CampaignProgressed([campaign.Id]), cancellationToken);
            handled++;
        }

        return handled;
    }

    /// <summary>Cancels the campaign's own workflow, then its participants' still going; returns how many were cancelled.</summary>
    private async Task<int> CancelWorkflowsAsync(string campaignId, CancellationToken cancellationToken)
    {
        var own = CampaignService.CampaignInstanceId(campaignId);
        List<string> going;
        await using (var wf = await workflows.CreateDbContextAsync(cancellationToken))
        {
            going = await wf.Instances.Where(i => (i.CorrelationId == campaignId || i.Id == own)
                    && i.Status != WorkflowStatus.Finished && i.Status != WorkflowStatus.Cancelled)
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        var cancelled = 0;
        if (going.Remove(own) && await TryCancelAsync(own, cancellationToken))
            cancelled++;
        await Parallel.ForEachAsync(going, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (instanceId, ct) =>
            {
                if (await TryCancelAsync(instanceId, ct))
                    Interlocked.Increment(ref cancelled);
            });
        return cancelled;
    }

    private async Task<bool> TryCancelAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.CancelAsync(instanceId, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is WorkflowNotFoundException or WorkflowConflictException)
        {
            return false; // ended meanwhile
        }
    }
}
