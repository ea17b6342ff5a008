using System.Text.Json;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// Folds the participants' progress reports (outbox channel <see cref="CampaignProgress.Channel"/>)
/// into the campaign's tables — a row per stage reached; the latest stage, score and outcome per
/// participant — and resumes a campaign workflow whose <see cref="ForEachParticipant"/> waits for a
/// stage that every participant has now reached. Recording is idempotent, so a report taken again
/// after a crash changes nothing.
/// </summary>
public sealed class CampaignProgressRecorder(
    OutboxStore outbox,
    OutboxSignal signal,
    IDbContextFactory<CampaignDbContext> campaigns,
    IDbContextFactory<WorkflowsDbContext> workflows,
    WorkflowRuntime runtime,
    ILogger<CampaignProgressRecorder> logger,
    Mediator.IPublisher? publisher = null) : BackgroundService
{
    public const int BatchSize = 500;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeps = 0;
        return signal.RunAsync(CampaignProgress.Channel, Poll, async ct =>
        {
            var recorded = await RecordDueAsync(ct);
            // Now and then, every waiting campaign: a resume that failed, or a wait that began after the last report.
            if (recorded == 0 && sweeps++ % 6 == 0)
                await ResumeWaitingAsync(null, ct);
            return recorded;
        }, logger, "Recording campaign progress", stoppingToken);
    }

    /// <summary>Records one batch of reports and resumes the campaigns they complete; returns how many reports were taken.</summary>
    public async Task<int> RecordDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimAsync(CampaignProgress.Channel, BatchSize, Lease, cancellationToken);
        if (claimed.Count == 0)
            return 0;
        var reports = new List<ProgressReport>(claimed.Count);
        var recorded = new List<OutboxRecord>(claimed.Count);
        foreach (var message in claimed)
        {
            if (ProgressReportOf(message) is { } report)
            {
                reports.Add(report);
                recorded.Add(message);
            }
            else
            {
                await outbox.MarkFailedAsync(message, "Not a progress report.", null, cancellationToken);
            }
        }

        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var report in reports.OrderBy(r => r.Sequence))
                await RecordAsync(db, report, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await outbox.MarkSentAsync(recorded, cancellationToken);
        List<string> progressed = [.. reports.Select(r => r.CampaignId).Distinct()];
        await ResumeWaitingAsync(progressed, cancellationToken);
        if (publisher is not null && progressed.Count > 0)
            await publisher.Publish(new CampaignProgressed(progressed), cancellationToken);
        return claimed.Count;
    }

    private static async Task RecordAsync(CampaignDbContext db, ProgressReport report, CancellationToken cancellationToken)
    {
        var at = report.At.UtcDateTime;
        await db.Database.ExecuteSqlAsync(CampaignSql.InsertStageReached(report.CampaignId, report.Stage, report.ChamberId, at), cancellationToken);
        // A report taken late (after a retry) never overwrites a newer one of the same participant.
        await db.CampaignParticipants
            .Where(p => p.CampaignId == report.CampaignId && p.ChamberId == report.ChamberId && (p.ProgressSequence == null || p.ProgressSequence < report.Sequence))
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(p => p.Stage, report.Stage).SetProperty(p => p.ProgressSequence, report.Sequence);
                if (report.Score is { } score)
                    s.SetProperty(p => p.Score, (double)score);
                if (report.Outcome is { } outcome)
                    s.SetProperty(p => p.Outcome, outcome);
            }, cancellationToken);
    }

    /// <summary>Resumes the waits (of the given campaigns, or all) whose stage every participant has reached.</summary>
    public async Task<int> ResumeWaitingAsync(IReadOnlyList<string>? campaignIds, CancellationToken cancellationToken = default)
    {
        List<BookmarkRecord> waiting;
        await using (var wf = await workflows.CreateDbContextAsync(cancellationToken))
        {
            var query = wf.Bookmarks.AsNoTracking().Where(b => b.Name == ForEachParticipant.BookmarkName);
            if (campaignIds is not null)
                query = query.Where(b => campaignIds.Contains(b.Key!));
            waiting = await query.ToListAsync(cancellationToken);
        }

        var resumed = 0;
        foreach (var bookmark in waiting)
        {
            if (bookmark.Key is null || StageOf(bookmark) is not { } stage || await ReachedAsync(bookmark.Key, stage, cancellationToken) is not { } reached)
                continue;
            try
            {
                await runtime.ResumeAsync(bookmark.Id, reached, cancellationToken);
                resumed++;
            }
            catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
            {
                // Resumed meanwhile by another host or an earlier round.
            }
        }

        return resumed;
    }

    /// <summary>The counts to resume with, or null while somebody has not got that far.</summary>
    private async Task<ParticipantsReached?> ReachedAsync(string campaignId, AwaitedStage stage, CancellationToken cancellationToken)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var participants = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (int?)c.ParticipantCount).FirstOrDefaultAsync(cancellationToken);
        var reached = await stage.CountReachedAsync(db, campaignId, cancellationToken);
        if (participants is not { } total || reached < total)
            return null;
        var outcomes = await db.CampaignParticipants.Where(p => p.CampaignId == campaignId && p.Outcome != null)
            .GroupBy(p => p.Outcome!).Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Outcome, g => g.Count, cancellationToken);
        return new ParticipantsReached(stage.Stage, total, reached,
            outcomes.GetValueOrDefault(CampaignProgress.Outcomes.Commended),
            outcomes.GetValueOrDefault(CampaignProgress.Outcomes.Rectifying),
            outcomes.GetValueOrDefault(CampaignProgress.Outcomes.NotPassed));
    }

    private static AwaitedStage? StageOf(BookmarkRecord bookmark)
    {
        if (bookmark.Payload is null)
            return null;
        using var payload = JsonDocument.Parse(bookmark.Payload);
        return payload.RootElement.TryGetProperty("stage", out var stage) && stage.GetString() is { } chambers
            ? new AwaitedStage(chambers, payload.RootElement.TryGetProperty("federationStage", out var federations) ? federations.GetString() : null)
            : null;
    }

    private ProgressReport? ProgressReportOf(OutboxRecord message)
    {
        try
        {
            return ProgressReport.FromJson(message.Payload);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Progress report {Id} cannot be read: {Error}", message.Id, e.Message);
            return null;
        }
    }
}
