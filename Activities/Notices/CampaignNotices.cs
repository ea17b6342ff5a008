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

/// <summary>A notice as a participant's portal page lists it: published, or in its 公示 with the participant's objections.</summary>
/// <param name="PublicityUntil">The last day of its 公示 when it is in one; objections are taken until then.</param>
public sealed record PortalNotice(string Id, string Kind, string Campaign, string Title, string? Number, string Issuer, DateTimeOffset? PublishedAt,
    string Status, DateOnly? PublicityUntil, IReadOnlyList<ObjectionView> Objections);

/// <summary>A campaign's notice as staff follow it: drafted, on public notice (公示) until a day, or published; its document among the campaign's.</summary>
public sealed record NoticeView(string Id, string Kind, string Title, string? Number, string Issuer, string Status, string FileId, DateTimeOffset DraftedAt,
    DateOnly? PublicityUntil, DateTimeOffset? PublishedAt, int Objections);

/// <summary>An objection and its answer, as the participant and staff read it.</summary>
public sealed record ObjectionView(string Id, string NoticeId, string ChamberId, string Chamber, string Notice, string Text, DateTimeOffset At, string? Answer, string? AnsweredBy,
    DateTimeOffset? AnsweredAt);

/// <summary>
/// The campaign's circular (通报; 000: "每年要对商会运行情况进行一次考评，对考评情况进行通报") and its
/// commendation decision (表彰决定): drafted from the review results as a Word document in 公文
/// layout (<see cref="NoticeDocument"/>) and kept among the campaign's documents, where the
/// leaders signing it off open it; once published, every participant reads and downloads it
/// from its portal page.
/// </summary>
public sealed class CampaignNotices(IDbContextFactory<CampaignDbContext> campaigns, SubmissionFiles files, DemonstrationUnits demonstrations,
    Honours.CampaignHonours honours, TimeProvider clock)
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
        List<string> Named(params string[] outcomes) => [.. results.Where(r => outcomes.Contains(r.Outcome)).Select(r => r.Name).Order(StringComparer.Ordinal)];
        var demonstrationUnits = (await demonstrations.ListAsync(campaignId, cancellationToken)).Select(u => u.Chamber).ToList();
        // The decision names the leaders' list where the campaign has one, and drafting it is what closes the list.
        var shortlist = request.Kind == NoticeKinds.Decision ? await honours.DecideAsync(campaignId, cancellationToken) : null;
        var content = Compose(campaign.Name, request, results.Count, Named(CampaignProgress.Outcomes.Commended, CampaignProgress.Outcomes.Passed),
            Named(CampaignProgress.Outcomes.Rectifying), Named(CampaignProgress.Outcomes.NotPassed), demonstrationUnits, BeijingTime.Today(clock),
            Named(CampaignProgress.Outcomes.NotParticipated), shortlist);

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
        notice.Commended = request.Kind != NoticeKinds.Decision ? null
            : shortlist is not null ? System.Text.Json.JsonSerializer.Serialize(shortlist.Entries.Where(e => e.Included).Select(e => e.ChamberId).Order(StringComparer.Ordinal))
            : System.Text.Json.JsonSerializer.Serialize(results.Where(r => r.Outcome == CampaignProgress.Outcomes.Commended).Select(r => r.Id).Order(StringComparer.Ordinal));
        notice.DraftedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return notice;
    }

    /// <summary>
    /// The 公文's words: the decision names the units commended — the leaders' list by its tiers,
    /// where the campaign has one, as a 表彰 or a 认定 — and the demonstration units; the circular
    /// reports how the review went and names every group, rectification included.
    /// </summary>
    public static NoticeContent Compose(string campaign, NoticeRequest request, int participants, IReadOnlyList<string> commended,
        IReadOnlyList<string> rectifying, IReadOnlyList<string> notPassed, IReadOnlyList<string> demonstration, DateOnly date,
        IReadOnlyList<string>? notParticipated = null, Honours.ShortlistView? shortlist = null)
    {
        var honour = ChineseText.Quoted(request.Honour);
        var theCampaign = ChineseText.Quoted(campaign);
        if (request.Kind == NoticeKinds.Decision)
        {
            var named = shortlist?.Entries.Where(e => e.Included).ToList();
            var count = named?.Count ?? commended.Count;
            List<NoticeUnits> units = named is null || shortlist!.Tiers.Count == 0
                ? [new NoticeUnits(request.Honour + "名单", named?.Select(e => e.Chamber).ToList() ?? commended)]
                : [.. shortlist.Tiers.Select(t => new NoticeUnits(t.Name + "名单", [.. named.Where(e => e.Tier == t.Name).Select(e => e.Chamber)]))];
            units.Add(new NoticeUnits("示范单位名单", demonstration));
            if (shortlist?.Kind == Honours.HonourKinds.Recognition)
            {
                return new NoticeContent(request.Issuer, request.Number, Titled(request.Title, $"关于认定{request.Honour}的决定"), request.Addressee,
                [
                    $"{theCampaign}开展以来，各参与单位对照认定标准认真开展创建工作。经考评，{request.Issuer}决定，认定{count}个单位为{honour}。",
                ],
                units, ["被认定的单位要珍惜荣誉，巩固创建成果，接受定期复核；复核不达标的，撤销称号。各单位要对照标准查找差距，推动建设水平不断提高。"], date);
            }

            return new NoticeContent(request.Issuer, request.Number, Titled(request.Title, $"关于表彰{request.Honour}的决定"), request.Addressee,
            [
                $"{theCampaign}开展以来，各参与单位对照标准认真开展创建工作，涌现出一批成绩突出的先进典型。经督查考核，{request.Issuer}决定，"
                    + $"授予{count}个单位{honour}称号，予以表彰。",
            ],
            units,
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

    public const int MaxObjectionLength = 1000;

    /// <summary>Shows the draft to every participant until <paramref name="until"/> (公示); null when there is no draft.</summary>
    public async Task<NoticeRecord?> StartPublicityAsync(string campaignId, string kind, DateOnly until, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == IdOf(campaignId, kind) && n.Status == NoticeKinds.Draft, cancellationToken);
        if (notice is null)
            return null;
        notice.Status = NoticeKinds.Publicity;
        notice.PublicityUntil = until;
        await db.SaveChangesAsync(cancellationToken);
        return notice;
    }

    /// <summary>
    /// A participant's objection to a notice in its 公示 (a district's chamber may object to the
    /// city's). Null when the notice is not one of its campaigns' (or theirs above) in 公示;
    /// <see cref="CampaignRequestException"/> for an empty or long text, or after the period.
    /// </summary>
    public async Task<ObjectionView?> ObjectAsync(string chamberId, string noticeId, string? text, CancellationToken cancellationToken = default)
    {
        var said = text?.Trim() ?? "";
        if (said.Length == 0)
            throw new CampaignRequestException(ReaderText.Of("请写明异议的内容和理由", "Say what you object to, and why."));
        if (said.Length > MaxObjectionLength)
            throw new CampaignRequestException(ReaderText.Of($"异议不超过 {MaxObjectionLength} 字", $"An objection has at most {MaxObjectionLength:N0} characters."));
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.Status == NoticeKinds.Publicity, cancellationToken);
        if (notice is null || !(await CampaignLevels.ReachingAsync(db, chamberId, cancellationToken)).Contains(notice.CampaignId))
            return null;
        if (notice.PublicityUntil is { } until && BeijingTime.Today(clock) > until)
            throw new CampaignRequestException(ReaderText.Of($"公示已于{CampaignMail.ChineseDate(until)}结束", $"The publicity period ended on {until:yyyy-MM-dd}."));
        var objection = new ObjectionRecord
        {
            Id = Guid.CreateVersion7().ToString("N"), NoticeId = noticeId, ChamberId = chamberId, Text = said, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Objections.Add(objection);
        await db.SaveChangesAsync(cancellationToken);
        return (await ObjectionsAsync(db, [noticeId], chamberId, cancellationToken)).Single(o => o.Id == objection.Id);
    }

    /// <summary>The campaign's notices, the circular before the decision.</summary>
    public async Task<IReadOnlyList<NoticeView>> OfCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var notices = await db.Notices.AsNoTracking().Where(n => n.CampaignId == campaignId).OrderBy(n => n.Kind).ToListAsync(cancellationToken);
        var ids = notices.Select(n => n.Id).ToList();
        var objections = await db.Objections.AsNoTracking().Where(o => ids.Contains(o.NoticeId)).GroupBy(o => o.NoticeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. notices.Select(n => new NoticeView(n.Id, n.Kind, n.Title, n.Number, n.Issuer, n.Status, n.FileId, Utc(n.DraftedAt), n.PublicityUntil,
            n.PublishedAt is { } at ? Utc(at) : null, objections.GetValueOrDefault(n.Id)))];
    }

    /// <summary>The objections to the campaign's notices, oldest first, answered or not.</summary>
    public async Task<IReadOnlyList<ObjectionView>> ObjectionsOfCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var notices = await db.Notices.AsNoTracking().Where(n => n.CampaignId == campaignId).Select(n => n.Id).ToListAsync(cancellationToken);
        return await ObjectionsAsync(db, notices, null, cancellationToken);
    }

    /// <summary>Staff's answer to an objection (again: it replaces the last); null when the campaign has no such objection.</summary>
    public async Task<ObjectionView?> AnswerAsync(string campaignId, string objectionId, string? answer, string by, CancellationToken cancellationToken = default)
    {
        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
            throw new CampaignRequestException(ReaderText.Of("请填写答复", "Write the answer."));
        if (text.Length > MaxObjectionLength)
            throw new CampaignRequestException(ReaderText.Of($"答复不超过 {MaxObjectionLength} 字", $"An answer has at most {MaxObjectionLength:N0} characters."));
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == objectionId, cancellationToken);
        if (objection is null || !await db.Notices.AnyAsync(n => n.Id == objection.NoticeId && n.CampaignId == campaignId, cancellationToken))
            return null;
        objection.Answer = text;
        objection.AnsweredBy = by;
        objection.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return (await ObjectionsAsync(db, [objection.NoticeId], null, cancellationToken)).Single(o => o.Id == objectionId);
    }

    private static async Task<IReadOnlyList<ObjectionView>> ObjectionsAsync(CampaignDbContext db, IReadOnlyList<string> noticeIds, string? chamberId,
        CancellationToken cancellationToken)
    {
        var rows = await db.Objections.AsNoTracking().Where(o => noticeIds.Contains(o.NoticeId) && (chamberId == null || o.ChamberId == chamberId))
            .Join(db.Chambers.AsNoTracking(), o => o.ChamberId, c => c.Id, (o, c) => new { Objection = o, Chamber = c.Name })
            .Join(db.Notices.AsNoTracking(), r => r.Objection.NoticeId, n => n.Id, (r, n) => new { r.Objection, r.Chamber, Notice = n.Title })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Objection.CreatedAt).Select(r => new ObjectionView(r.Objection.Id, r.Objection.NoticeId, r.Objection.ChamberId, r.Chamber, r.Notice, r.Objection.Text,
            Utc(r.Objection.CreatedAt), r.Objection.Answer, r.Objection.AnsweredBy, r.Objection.AnsweredAt is { } at ? Utc(at) : null))];
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Publishes the draft (or the notice in its 公示); null when there is none (already published, or never drafted).</summary>
    public async Task<NoticeRecord?> PublishAsync(string campaignId, string kind, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == IdOf(campaignId, kind) && (n.Status == NoticeKinds.Draft || n.Status == NoticeKinds.Publicity),
            cancellationToken);
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

    /// <summary>The notices of the campaigns a chamber takes part in — those in their 公示 first, then the published, newest first — with its objections.</summary>
    public async Task<IReadOnlyList<PortalNotice>> OfChamberAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        // Its campaigns' notices, and those of the campaigns above them: a district's chamber reads the city's decision.
        var reaching = await CampaignLevels.ReachingAsync(db, chamberId, cancellationToken);
        var rows = await (
                from n in db.Notices.AsNoTracking().Where(n => reaching.Contains(n.CampaignId))
                join campaign in db.Campaigns.AsNoTracking() on n.CampaignId equals campaign.Id
                where n.Status == NoticeKinds.Published || n.Status == NoticeKinds.Publicity
                select new { Notice = n, Campaign = campaign.Name })
            .ToListAsync(cancellationToken);
        var objections = (await ObjectionsAsync(db, [.. rows.Select(r => r.Notice.Id)], chamberId, cancellationToken))
            .ToLookup(o => o.NoticeId);
        return [.. rows.OrderBy(r => r.Notice.Status == NoticeKinds.Publicity ? 0 : 1).ThenByDescending(r => r.Notice.PublishedAt ?? r.Notice.DraftedAt)
            .Select(r => new PortalNotice(r.Notice.Id, r.Notice.Kind, r.Campaign, r.Notice.Title, r.Notice.Number, r.Notice.Issuer,
                r.Notice.PublishedAt is { } at ? Utc(at) : null, r.Notice.Status, r.Notice.Status == NoticeKinds.Publicity ? r.Notice.PublicityUntil : null,
                [.. objections[r.Notice.Id]]))];
    }

    /// <summary>The document of a notice published or in its 公示, for a participant of its campaign or of one below it; null otherwise.</summary>
    public async Task<SubmissionFileRecord?> FileForChamberAsync(string chamberId, string noticeId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var notice = await db.Notices.AsNoTracking()
            .FirstOrDefaultAsync(n => n.Id == noticeId && (n.Status == NoticeKinds.Published || n.Status == NoticeKinds.Publicity), cancellationToken);
        if (notice is null || !(await CampaignLevels.ReachingAsync(db, chamberId, cancellationToken)).Contains(notice.CampaignId))
            return null;
        return await files.FindAsync(notice.FileId, cancellationToken);
    }

    private static string Titled(string? title, string fallback) => string.IsNullOrWhiteSpace(title) ? fallback : PlainText.OneLine(title.Trim());

}
