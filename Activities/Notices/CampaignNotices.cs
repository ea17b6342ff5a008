using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Submissions;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Notices;

/// <summary>What a notice is drafted from, besides the campaign's results.</summary>
/// <param name="Honour">The title the decision confers (2026年度“四好”商会).</param>
public sealed record NoticeRequest(string Kind, string? Title, string? Number, string Issuer, string Addressee, string Honour);

/// <summary>A published notice as a participant's portal page lists it.</summary>
public sealed record PortalNotice(string Id, string Kind, string Campaign, string Title, string? Number, string Issuer, DateTimeOffset PublishedAt);

/// <summary>
/// The campaign's circular (通报; 000: "每年要对商会运行情况进行一次考评，对考评情况进行通报") and its
/// commendation decision (表彰决定): drafted from the review results as a Word document in 公文
/// layout (<see cref="NoticeDocument"/>) and kept among the campaign's documents, where the
/// leaders signing it off open it; once published, every participant reads and downloads it
/// from its portal page.
/// </summary>
public sealed class CampaignNotices(IDbContextFactory<CampaignDbContext> campaigns, SubmissionFiles files, DemonstrationUnits demonstrations, TimeProvider clock)
{
    /// <summary>One notice of each kind per campaign: a redraft replaces the draft.</summary>
    public static string IdOf(string campaignId, string kind) => $"{campaignId}-{kind}";

    /// <summary>Drafts (or redrafts) the notice from the campaign's results as they are now.</summary>
    public async Task<NoticeRecord> DraftAsync(string campaignId, NoticeRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId, cancellationToken);
        var results = await db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .Join(db.Chambers.AsNoTracking(), p => p.ChamberId, c => c.Id, (p, c) => new { c.Id, c.Name, p.Outcome })
            .ToListAsync(cancellationToken);
        List<string> Named(string outcome) => [.. results.Where(r => r.Outcome == outcome).Select(r => r.Name).Order(StringComparer.Ordinal)];
        var demonstrationUnits = (await demonstrations.ListAsync(campaignId, cancellationToken)).Select(u => u.Chamber).ToList();
        var content = Compose(campaign.Name, request, results.Count, Named(CampaignProgress.Outcomes.Commended), Named(CampaignProgress.Outcomes.Rectifying),
            Named(CampaignProgress.Outcomes.NotPassed), demonstrationUnits, BeijingTime.Today(clock), Named(CampaignProgress.Outcomes.NotParticipated));

        var id = IdOf(campaignId, request.Kind);
        var instanceId = CampaignService.CampaignInstanceId(campaignId);
        var file = await files.SaveAsync("", instanceId, CampaignDocuments.DocumentsTask, content.Title + ".docx", NoticeDocument.Write(content), cancellationToken);
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notice is null)
        {
            db.Notices.Add(notice = new NoticeRecord
            {
                Id = id, CampaignId = campaignId, Kind = request.Kind, Title = content.Title, Issuer = request.Issuer, FileId = file.Id, Status = NoticeKinds.Draft,
            });
        }
        else
        {
            // The earlier draft's document goes: the leaders sign what is there now.
            await db.SubmissionFiles.Where(f => f.Id == notice.FileId && f.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
            notice.Title = content.Title;
            notice.Issuer = request.Issuer;
            notice.FileId = file.Id;
            notice.Status = NoticeKinds.Draft;
            notice.PublishedAt = null;
        }

        notice.Number = string.IsNullOrWhiteSpace(request.Number) ? null : request.Number.Trim();
        notice.Honour = request.Honour;
        notice.Commended = request.Kind == NoticeKinds.Decision
            ? System.Text.Json.JsonSerializer.Serialize(results.Where(r => r.Outcome == CampaignProgress.Outcomes.Commended).Select(r => r.Id).Order(StringComparer.Ordinal))
            : null;
        notice.DraftedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return notice;
    }

    /// <summary>
    /// The 公文's words: the decision names the units commended (and the demonstration units); the
    /// circular reports how the review went and names every group, rectification included.
    /// </summary>
    public static NoticeContent Compose(string campaign, NoticeRequest request, int participants, IReadOnlyList<string> commended,
        IReadOnlyList<string> rectifying, IReadOnlyList<string> notPassed, IReadOnlyList<string> demonstration, DateOnly date,
        IReadOnlyList<string>? notParticipated = null)
    {
        var honour = ChineseText.Quoted(request.Honour);
        var theCampaign = ChineseText.Quoted(campaign);
        if (request.Kind == NoticeKinds.Decision)
        {
            var title = Titled(request.Title, $"关于表彰{request.Honour}的决定");
            return new NoticeContent(request.Issuer, request.Number, title, request.Addressee,
            [
                $"{theCampaign}开展以来，各参与单位对照标准认真开展创建工作，涌现出一批成绩突出的先进典型。经督查考核，{request.Issuer}决定，"
                    + $"授予{commended.Count}个单位{honour}称号，予以表彰。",
            ],
            [new NoticeUnits(request.Honour + "名单", commended), new NoticeUnits("示范单位名单", demonstration)],
            ["希望受到表彰的单位珍惜荣誉，发挥示范带动作用，再接再厉；各单位要以先进为榜样，对照标准查找差距，推动建设水平不断提高。"], date);
        }

        var circularTitle = Titled(request.Title, $"关于{campaign}考核情况的通报");
        return new NoticeContent(request.Issuer, request.Number, circularTitle, request.Addressee,
        [
            $"按照{theCampaign}的安排，{request.Issuer}对照考核标准，对{participants}个参与单位进行了督查考核。现将有关情况通报如下：",
            $"经考核，{commended.Count}个单位达到标准，拟授予{honour}称号；{rectifying.Count}个单位限期整改；{notPassed.Count}个单位未达到标准。",
        ],
        [
            new NoticeUnits("达到标准的单位", commended), new NoticeUnits("示范单位", demonstration),
            new NoticeUnits("限期整改的单位", rectifying), new NoticeUnits("未达到标准的单位", notPassed),
            new NoticeUnits("截止时未参加的单位", notParticipated ?? []),
        ],
        ["限期整改的单位要对照整改通知逐项整改，按期报送整改报告；各单位要对照标准查漏补缺，持续加强自身建设。"], date);
    }

    /// <summary>Publishes the draft; false when there is none (already published, or never drafted).</summary>
    public async Task<NoticeRecord?> PublishAsync(string campaignId, string kind, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == IdOf(campaignId, kind) && n.Status == NoticeKinds.Draft, cancellationToken);
        if (notice is null)
            return null;
        notice.Status = NoticeKinds.Published;
        notice.PublishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return notice;
    }

    public async Task<NoticeRecord?> FindAsync(string noticeId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
    }

    /// <summary>The notices published by the campaigns a chamber takes part in, newest first.</summary>
    public async Task<IReadOnlyList<PortalNotice>> OfChamberAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from p in db.CampaignParticipants.AsNoTracking().Where(p => p.ChamberId == chamberId)
                join campaign in db.Campaigns.AsNoTracking() on p.CampaignId equals campaign.Id
                join n in db.Notices.AsNoTracking() on p.CampaignId equals n.CampaignId
                where n.Status == NoticeKinds.Published
                select new { Notice = n, Campaign = campaign.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Notice.PublishedAt).Select(r => new PortalNotice(r.Notice.Id, r.Notice.Kind, r.Campaign, r.Notice.Title, r.Notice.Number,
            r.Notice.Issuer, new DateTimeOffset(DateTime.SpecifyKind(r.Notice.PublishedAt!.Value, DateTimeKind.Utc))))];
    }

    /// <summary>A published notice's document for one of its campaign's participants; null otherwise.</summary>
    public async Task<SubmissionFileRecord?> FileForChamberAsync(string chamberId, string noticeId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.Status == NoticeKinds.Published, cancellationToken);
        if (notice is null || !await db.CampaignParticipants.AnyAsync(p => p.CampaignId == notice.CampaignId && p.ChamberId == chamberId, cancellationToken))
            return null;
        return await files.FindAsync(notice.FileId, cancellationToken);
    }

    private static string Titled(string? title, string fallback) => string.IsNullOrWhiteSpace(title) ? fallback : PlainText.OneLine(title.Trim());

    /// <summary>Why a notice kind is refused, or null.</summary>
    public static string? KindProblem(string? kind) => NoticeKinds.IsKind(kind)
        ? null
        : ReaderText.Of($"未知的公文种类“{kind}”，可用：circular（通报）、decision（表彰决定）", $"Unknown notice kind '{kind}'; one of circular, decision.");
}
