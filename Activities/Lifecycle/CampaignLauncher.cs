using System.Text.Json;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// Runs launched campaigns: starts each campaign's own workflow and, when that workflow's
/// <see cref="ForEachParticipant"/> asks for it, starts the participants' workflows a batch at a
/// time, so that a campaign of 50,000 chambers never has more than one batch in memory and shows
/// its progress as it goes (<c>launchedCount</c>). Every instance id comes from the campaign (and
/// the chamber), so a launch interrupted by a crash is picked up where it stopped and starts
/// nobody twice. With several hosts, one launches a campaign at a time (<see cref="AdvisoryLock"/>):
/// two launching the same batches each started every participant, and one of each pair lost.
/// </summary>
public sealed class CampaignLauncher(
    IDbContextFactory<CampaignDbContext> campaigns,
    IDbContextFactory<WorkflowsDbContext> workflows,
    DefinitionService definitions,
    IWorkflowInstanceStore store,
    WorkflowRuntime runtime,
    OutboxStore outbox,
    OutboxSignal signal,
    BulkWork bulkWork,
    AdvisoryLock locks,
    ILogger<CampaignLauncher> logger) : BackgroundService
{
    public const int BatchSize = 500;
    // Participants started at once. Each start waits twice — for its chamber's row (read together
    // with the others asked for meanwhile) and for its commit (written together with the others in
    // one transaction) — so the more in flight, the fuller each query and transaction. 50,000
    // chambers, sender off: 8 → 23.7 s, 32 → 19.8 s, 64 → 18.0 s, 128 → 16.2 s, 256 → 16.7 s.
    public const int Concurrency = 128;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunAsync(ParticipantLaunch.Channel, Poll, LaunchPendingAsync, logger, "Launching campaigns", stoppingToken);

    /// <summary>
    /// Starts the workflow of every launching campaign, takes the launch requests of their
    /// <see cref="ForEachParticipant"/> steps, and launches the participants asked for; returns how
    /// many instances were started.
    /// </summary>
    public async Task<int> LaunchPendingAsync(CancellationToken cancellationToken = default)
    {
        await TakeLaunchRequestsAsync(cancellationToken);
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var launching = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Launching).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var campaign in launching)
        {
            await using var launch = await locks.TryAcquireAsync($"campaign-launch:{campaign.Id}", cancellationToken);
            if (launch is null)
                continue; // another host launches it
            // Stopped since the list was read (the stopper may have been and gone): nothing of it is started.
            await using (var check = await campaigns.CreateDbContextAsync(cancellationToken))
            {
                if (!await check.Campaigns.AnyAsync(c => c.Id == campaign.Id && c.Status == CampaignStatus.Launching, cancellationToken))
                    continue;
            }

            started += await StartCampaignWorkflowAsync(campaign, cancellationToken);
            if (campaign.ParticipantWorkflow is not null)
                started += await LaunchParticipantsAsync(campaign, cancellationToken);
        }

        return started;
    }

    /// <summary>The inputs every instance of a campaign gets: the campaign's fields and its schedule overrides.</summary>
    public static Dictionary<string, object?> InputOf(CampaignRecord campaign)
    {
        var input = new Dictionary<string, object?>
        {
            [CampaignInputs.CampaignId] = campaign.Id,
            [CampaignInputs.CampaignName] = campaign.Name,
            [CampaignInputs.Year] = campaign.Year,
            [CampaignInputs.Leaders] = campaign.Leaders,
            [CampaignInputs.Reviewers] = campaign.Reviewers,
            [CampaignInputs.PlanApprovers] = campaign.PlanApprovers,
            [CampaignInputs.RubricId] = campaign.RubricId,
            [CampaignInputs.RubricVersion] = campaign.RubricVersion,
        };
        foreach (var (key, value) in campaign.Schedule is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(campaign.Schedule)!)
            input[key] = value;
        return input;
    }

    private async Task TakeLaunchRequestsAsync(CancellationToken cancellationToken)
    {
        foreach (var message in await outbox.ClaimAsync(ParticipantLaunch.Channel, 100, TimeSpan.FromMinutes(1), cancellationToken))
        {
            if (ParticipantLaunch.FromJson(message.Payload) is not { } request)
            {
                await outbox.MarkFailedAsync(message, "Not a launch request.", null, cancellationToken);
                continue;
            }

            await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
            // The first request of a campaign decides; its participants are launched once.
            await db.Campaigns.Where(c => c.Id == request.CampaignId && c.ParticipantWorkflow == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParticipantWorkflow, request.WorkflowDefinitionId)
                    .SetProperty(c => c.UntilStage, request.UntilStage)
                    .SetProperty(c => c.FederationWorkflow, request.FederationWorkflowDefinitionId)
                    .SetProperty(c => c.FederationUntilStage, request.FederationUntilStage), cancellationToken);
            await outbox.MarkSentAsync(message, cancellationToken);
        }
    }

    private async Task<int> StartCampaignWorkflowAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        var instanceId = CampaignService.CampaignInstanceId(campaign.Id);
        if (await store.LoadAsync(instanceId, cancellationToken) is not null)
            return 0;
        var graph = await definitions.GetPublishedAsync(campaign.TemplateId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Template '{campaign.TemplateId}' of campaign {campaign.Id} is no longer published.");
        await runtime.StartAsync(graph, InputOf(campaign), campaign.Id, null, instanceId, cancellationToken);
        logger.LogInformation("Campaign {Campaign}: its workflow {Definition} started.", campaign.Id, campaign.TemplateId);
        return 1;
    }

    /// <summary>Which of these instances exist already: started before a crash, when only their flags were not set.</summary>
    private async Task<HashSet<string>> ExistingAsync(List<string> instanceIds, CancellationToken cancellationToken)
    {
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        return [.. await db.Instances.Where(i => instanceIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)];
    }

    private async Task<int> LaunchParticipantsAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        var graph = await definitions.GetPublishedAsync(campaign.ParticipantWorkflow!, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Participant workflow '{campaign.ParticipantWorkflow}' of campaign {campaign.Id} is not published.");
        var federationGraph = campaign.FederationWorkflow is null ? null
            : await definitions.GetPublishedAsync(campaign.FederationWorkflow, cancellationToken)
              ?? throw new WorkflowNotFoundException($"Federations' workflow '{campaign.FederationWorkflow}' of campaign {campaign.Id} is not published.");
        var input = InputOf(campaign);
        var started = 0;
        // The participants' request e-mails are delivered mostly after the launch, not beside it.
        using var burst = bulkWork.Begin();
        while (true)
        {
            await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
            // Stopped meanwhile: nobody more is started (the stopper waits for this batch, then cancels the started).
            if (await db.Campaigns.AnyAsync(c => c.Id == campaign.Id && c.Status == CampaignStatus.Stopped, cancellationToken))
                break;
            var batch = await db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaign.Id && !p.Launched)
                .OrderBy(p => p.ChamberId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            var startedBefore = await ExistingAsync([.. batch.Select(p => p.InstanceId)], cancellationToken);
            var batchIds = batch.Select(p => p.ChamberId).ToList();
            var federations = federationGraph is null ? [] : (await db.Chambers.Where(c => batchIds.Contains(c.Id) && Chambers.ChamberTypes.Federations.Contains(c.Type))
                .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            await Parallel.ForEachAsync(batch.Where(p => !startedBefore.Contains(p.InstanceId)),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (participant, ct) =>
                {
                    // A federation runs the federations' part (its own campaign for its units), when the campaign has one.
                    var part = federations.Contains(participant.ChamberId) ? federationGraph! : graph;
                    await runtime.StartAsync(part, new Dictionary<string, object?>(input) { [CampaignInputs.ChamberId] = participant.ChamberId }, campaign.Id, null,
                        participant.InstanceId, ct);
                    Interlocked.Increment(ref started);
                    CampaignTelemetry.ParticipantsLaunched.Add(1);
                });
            await db.CampaignParticipants.Where(p => p.CampaignId == campaign.Id && batchIds.Contains(p.ChamberId))
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
