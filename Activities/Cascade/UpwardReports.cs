using System.Globalization;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Notices;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Submissions;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chamber.Campaigns.Cascade;

/// <summary>
/// The federations' reports to their upper level: <see cref="WriteAsync"/> sums a federation's
/// campaign and keeps the report as a Word document; the background part delivers each
/// <see cref="UpwardReport"/> to the upper campaign by resuming the federation's
/// <see cref="CascadeCampaign"/> step there.
/// </summary>
public sealed class UpwardReports(
    IDbContextFactory<CampaignDbContext> campaigns,
    IDbContextFactory<WorkflowsDbContext> workflows,
    SubmissionFiles files,
    WorkflowRuntime runtime,
    OutboxStore outbox,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<UpwardReports> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>The campaign's results, with its report written among its documents, and the upper campaign it runs for (if any).</summary>
    public async Task<(SubCampaignResults Results, string? ParentId)> WriteAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId, cancellationToken);
        var rows = await db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .Join(db.Chambers, p => p.ChamberId, c => c.Id, (p, c) => new { c.Name, p.Outcome, p.Score })
            .ToListAsync(cancellationToken);
        var federation = campaign.FederationId is null ? null
            : await db.Chambers.AsNoTracking().Where(c => c.Id == campaign.FederationId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var parent = campaign.ParentCampaignId is null ? null
            : await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaign.ParentCampaignId, cancellationToken);

        int Count(params string[] outcomes) => rows.Count(r => r.Outcome is { } o && outcomes.Contains(o));
        var scored = rows.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
        var average = scored.Count == 0 ? (double?)null : Math.Round(scored.Average(), 1);
        var results = new SubCampaignResults(campaignId, campaign.FederationId ?? "", rows.Count, Count(CampaignProgress.Outcomes.Commended),
            Count(CampaignProgress.Outcomes.Passed), Count(CampaignProgress.Outcomes.Rectifying),
            Count(CampaignProgress.Outcomes.NotPassed, CampaignProgress.Outcomes.NotParticipated), rows.Count(r => r.Outcome is null), average, null);

        var content = ReportContent(campaign, federation, parent, [.. rows.Select(r => (r.Name, r.Outcome, r.Score))], results);
        var instanceId = CampaignService.CampaignInstanceId(campaignId);
        var file = await files.SaveAsync("", instanceId, CampaignDocuments.DocumentsTask, content.Title + ".docx", NoticeDocument.Write(content), cancellationToken);
        return (results with { ReportFileId = file.Id }, parent?.Id);
    }

    /// <summary>The report as a 公文 from the federation to the upper level's organiser.</summary>
    private NoticeContent ReportContent(CampaignRecord campaign, string? federation, CampaignRecord? parent, List<(string Name, string? Outcome, double? Score)> rows,
        SubCampaignResults results)
    {
        static string Named((string Name, string? Outcome, double? Score) row) =>
            row.Score is { } score ? string.Create(CultureInfo.InvariantCulture, $"{row.Name}（{score:0.#}分）") : row.Name;
        List<NoticeUnits> units = [];
        var headings = new (string Heading, string[] Outcomes)[]
        {
            ("达标单位", [CampaignProgress.Outcomes.Commended, CampaignProgress.Outcomes.Passed]),
            ("限期整改单位", [CampaignProgress.Outcomes.Rectifying]),
            ("未达标单位", [CampaignProgress.Outcomes.NotPassed, CampaignProgress.Outcomes.NotParticipated]),
            ("尚未完成考核的单位", []),
        };
        var numerals = "一二三四";
        var listed = 0;
        foreach (var (heading, outcomes) in headings)
        {
            var names = rows.Where(r => outcomes.Length == 0 ? r.Outcome is null : r.Outcome is { } o && outcomes.Contains(o))
                .OrderByDescending(r => r.Score ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal).Select(Named).ToList();
            if (names.Count > 0)
                units.Add(new NoticeUnits($"{numerals[listed++]}、{heading}（{names.Count}个）", names));
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"按照{parent?.Name ?? campaign.Name}的部署，我们对所属 {results.Participants} 个单位开展了督查考核。其中达标 {results.Commended + results.Passed} 个，"
            + $"限期整改 {results.Rectifying} 个，未达标 {results.NotPassed} 个，尚未完成 {results.Unfinished} 个"
            + $"{(results.AverageScore is { } a ? $"；平均得分 {a:0.#} 分" : "")}。具体情况如下：");
        var addressee = parent?.Schedule is { } settings
            && System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(settings)?.GetValueOrDefault(Email.CampaignWording.OrganiserKey) is { Length: > 0 } organiser
            ? organiser : "上级工商联";
        var issuer = federation ?? "本级工商联";
        return new NoticeContent(issuer, null, $"{issuer}关于{campaign.Year}年度所属单位考核情况的报告", addressee, [summary], units, ["特此报告。"],
            BeijingTime.Today(clock));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunAsync(UpwardReport.Channel, Poll, DeliverDueAsync, logger, "Delivering reports upward", stoppingToken);

    /// <summary>Resumes the upper campaigns' federation steps with the reports due; returns how many were taken.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimAsync(UpwardReport.Channel, 50, Lease, cancellationToken);
        foreach (var message in claimed)
        {
            if (UpwardReport.FromJson(message.Payload) is not { } report)
            {
                await outbox.MarkFailedAsync(message, "Not an upward report.", null, cancellationToken);
                continue;
            }

            string? bookmarkId;
            await using (var db = await workflows.CreateDbContextAsync(cancellationToken))
            {
                bookmarkId = await db.Bookmarks.AsNoTracking().Where(b => b.Name == CascadeCampaign.BookmarkName && b.Key == report.Results.CampaignId)
                    .Select(b => b.Id).FirstOrDefaultAsync(cancellationToken);
            }

            if (bookmarkId is null)
            {
                // The federation's part was stopped (the upper campaign closed) or has had its report: nobody waits.
                logger.LogInformation("Report of {Campaign}: no step waits for it any more.", report.Results.CampaignId);
                await outbox.MarkSentAsync(message, cancellationToken);
                continue;
            }

            try
            {
                await runtime.ResumeAsync(bookmarkId, report.Results, cancellationToken);
            }
            catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
            {
                // Resumed meanwhile by another host.
            }

            await outbox.MarkSentAsync(message, cancellationToken);
        }

        return claimed.Count;
    }
}
