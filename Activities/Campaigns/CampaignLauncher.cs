using System.Text.Json;
using Chamber.Activities.Persistence;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chamber.Activities.Campaigns;

/// <summary>
/// Starts the participants of launching campaigns, a batch at a time, so that a campaign of
/// 50,000 chambers never has more than one batch in memory and shows its progress as it goes
/// (<c>launchedCount</c>). Each participant's instance id comes from campaign and chamber, so a
/// launch interrupted by a crash is picked up where it stopped and starts nobody twice.
/// </summary>
public sealed class CampaignLauncher(
    IDbContextFactory<CampaignDbContext> campaigns,
    DefinitionService definitions,
    IWorkflowInstanceStore store,
    WorkflowRuntime runtime,
    ILogger<CampaignLauncher> logger) : BackgroundService
{
    public const int BatchSize = 500;
    public const int Concurrency = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            try
            {
                await LaunchPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Launching campaign participants failed; trying again shortly.");
            }
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Launches every participant of every launching campaign; returns how many were started.</summary>
    public async Task<int> LaunchPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var launching = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Launching).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var campaign in launching)
            started += await LaunchAsync(campaign, cancellationToken);
        return started;
    }

    private async Task<int> LaunchAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        var graph = await definitions.GetPublishedAsync(campaign.TemplateId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Template '{campaign.TemplateId}' of campaign {campaign.Id} is no longer published.");
        var input = new Dictionary<string, object?>
        {
            ["campaignId"] = campaign.Id,
            ["campaignName"] = campaign.Name,
            ["year"] = campaign.Year,
            ["leaders"] = campaign.Leaders,
            ["reviewers"] = campaign.Reviewers,
        };
        foreach (var (key, value) in campaign.Schedule is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(campaign.Schedule)!)
            input[key] = value;

        var started = 0;
        while (true)
        {
            await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
            var batch = await db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaign.Id && !p.Launched)
                .OrderBy(p => p.ChamberId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (participant, ct) =>
                {
                    if (await store.LoadAsync(participant.InstanceId, ct) is not null)
                        return; // started before a crash; only its flag was not set
                    await runtime.StartAsync(graph, new Dictionary<string, object?>(input) { ["chamberId"] = participant.ChamberId }, campaign.Id, null,
                        participant.InstanceId, ct);
                    Interlocked.Increment(ref started);
                });
            var chamberIds = batch.Select(p => p.ChamberId).ToList();
            await db.CampaignParticipants.Where(p => p.CampaignId == campaign.Id && chamberIds.Contains(p.ChamberId))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Launched, true), cancellationToken);
            await db.Campaigns.Where(c => c.Id == campaign.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LaunchedCount, c => c.LaunchedCount + batch.Count), cancellationToken);
        }

        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            await db.Campaigns.Where(c => c.Id == campaign.Id && c.Status == CampaignStatus.Launching)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Running), cancellationToken);
        }

        logger.LogInformation("Campaign {Campaign}: {Count} participants launched.", campaign.Id, started);
        return started;
    }
}
