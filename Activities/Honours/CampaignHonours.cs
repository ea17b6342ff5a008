using System.Globalization;
using System.Text.Json;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Notices;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Submissions;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Honours;

/// <summary>What the list is made from, besides the review results: the title, 表彰 or 认定, the quota and the tiers.</summary>
public sealed record ShortlistRequest(string Honour, string Kind, int? Quota, IReadOnlyList<HonourTier> Tiers);

/// <summary>One unit that passed, as staff and leaders read the list.</summary>
/// <param name="TiedAtQuota">Left off although it scored as much as the last unit on the list: the quota cut between equals, and staff choose.</param>
/// <param name="ReviewedBy">The federation whose campaign reviewed it, below this one (a district's chamber on the city's list); null: this campaign's own participant.</param>
public sealed record HonourEntry(string ChamberId, string Chamber, string? District, int Rank, double Score, string? Tier, bool Included, bool TiedAtQuota,
    string? Note, string? ChangedBy, DateTimeOffset? ChangedAt, string? ReviewedBy = null);

/// <summary>A campaign's 拟表彰名单: its settings, where it stands, and every unit that passed, in rank order.</summary>
/// <param name="Participants">How many units took part, at its level and the levels below; <see cref="Entries"/> are those that passed.</param>
public sealed record ShortlistView(string CampaignId, string Honour, string Kind, int? Quota, IReadOnlyList<HonourTier> Tiers, string Status, string? FileId,
    int Participants, int Included, IReadOnlyList<HonourEntry> Entries);

/// <summary>Staff's change to one unit: on the list (in a tier) or off it, and why.</summary>
public sealed record HonourChange(bool Included, string? Tier, string? Note);

/// <summary>
/// 拟表彰名单 (issue 19): the seeds make commendation a decision — 004 "对成绩突出的，予以表彰",
/// 000 "表彰先进" — not every pass mailed a prize. When the review is over, the units that passed
/// are ranked by score into the campaign's tiers, up to its quota; staff strike or add units, each
/// with a reason, until the leaders sign the list off; the decision is drafted from it, goes on
/// 公示, and once published makes the units it names commended (or recognised). A city's list
/// takes in the chambers its districts reviewed in the campaigns it opened for them, as the city
/// commends across the whole city (<see cref="CampaignLevels"/>).
/// </summary>
public sealed class CampaignHonours(IDbContextFactory<CampaignDbContext> campaigns, SubmissionFiles files, TimeProvider clock)
{
    public const int MaxNoteLength = 500;

    /// <summary>
    /// Ranks the units that passed into the list and writes its document. A list the campaign already
    /// has (the leaders returned it, or the decision drafted from it) is opened again as staff left
    /// it, not ranked anew: units that passed since (after rectification) join it, off the list,
    /// for staff to add. A list whose decision was published does not change.
    /// </summary>
    public async Task<ShortlistView> ProposeAsync(string campaignId, ShortlistRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var existing = await db.Shortlists.FirstOrDefaultAsync(s => s.CampaignId == campaignId, cancellationToken);
        if (existing?.Status == ShortlistStatus.Published)
            throw new InvalidOperationException(ReaderText.Of("表彰决定已印发，名单不再变动", "The decision naming the list was published; the list no longer changes."));
        var passed = await PassedAsync(db, campaignId, cancellationToken);
        if (existing is not null)
            return await ReopenAsync(db, existing, passed, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Honours.Where(h => h.CampaignId == campaignId).ExecuteDeleteAsync(cancellationToken);
        db.Honours.AddRange(HonourRanking.Rank(passed, request.Tiers, request.Quota).Select(u => new HonourRecord
        {
            CampaignId = campaignId, ChamberId = u.ChamberId, Rank = u.Rank, Score = u.Score, Tier = u.Tier, Included = u.Included,
        }));
        if (existing is null)
        {
            db.Shortlists.Add(existing = new ShortlistRecord
            {
                CampaignId = campaignId, Honour = request.Honour, Kind = request.Kind, Tiers = "[]", Status = ShortlistStatus.Proposed,
            });
        }

        existing.Honour = request.Honour;
        existing.Kind = request.Kind;
        existing.Quota = request.Quota;
        existing.Tiers = JsonSerializer.Serialize(request.Tiers, JsonSerializerOptions.Web);
        existing.ProposedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await WriteDocumentAsync(db, existing, cancellationToken);
        return (await ViewAsync(db, campaignId, cancellationToken))!;
    }

    /// <summary>
    /// The units that passed with a score, here and in the campaigns below (a unit reviewed on two
    /// levels counts with its better score). The federations whose parts opened those campaigns
    /// were not scored, and are not among them.
    /// </summary>
    private static async Task<List<HonourCandidate>> PassedAsync(CampaignDbContext db, string campaignId, CancellationToken cancellationToken)
    {
        var levels = await CampaignLevels.IdsAtAndBelowAsync(db, campaignId, cancellationToken);
        var passed = await db.CampaignParticipants.AsNoTracking()
            .Where(p => levels.Contains(p.CampaignId) && p.Score != null
                && (p.Outcome == CampaignProgress.Outcomes.Passed || p.Outcome == CampaignProgress.Outcomes.Commended))
            .Join(db.Chambers.AsNoTracking(), p => p.ChamberId, c => c.Id, (p, c) => new HonourCandidate(p.ChamberId, c.Name, p.Score!.Value))
            .ToListAsync(cancellationToken);
        return [.. passed.GroupBy(c => c.ChamberId, StringComparer.Ordinal).Select(g => g.MaxBy(c => c.Score)!)];
    }

    private async Task<ShortlistView> ReopenAsync(CampaignDbContext db, ShortlistRecord list, IReadOnlyList<HonourCandidate> passed, CancellationToken cancellationToken)
    {
        var entries = await db.Honours.Where(h => h.CampaignId == list.CampaignId).ToListAsync(cancellationToken);
        var listed = entries.Select(h => h.ChamberId).ToHashSet(StringComparer.Ordinal);
        foreach (var newcomer in passed.Where(c => !listed.Contains(c.ChamberId)))
        {
            var entry = new HonourRecord { CampaignId = list.CampaignId, ChamberId = newcomer.ChamberId, Score = newcomer.Score, Included = false };
            db.Honours.Add(entry);
            entries.Add(entry);
        }

        var ordered = entries.OrderByDescending(e => e.Score).ToList();
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].Rank = i > 0 && ordered[i - 1].Score == ordered[i].Score ? ordered[i - 1].Rank : i + 1;
        list.Status = ShortlistStatus.Proposed;
        list.DecidedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await WriteDocumentAsync(db, list, cancellationToken);
        return (await ViewAsync(db, list.CampaignId, cancellationToken))!;
    }

    /// <summary>The campaign's list, or null when it has none yet.</summary>
    public async Task<ShortlistView?> ViewAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await ViewAsync(db, campaignId, cancellationToken);
    }

    private static async Task<ShortlistView?> ViewAsync(CampaignDbContext db, string campaignId, CancellationToken cancellationToken)
    {
        if (await db.Shortlists.AsNoTracking().FirstOrDefaultAsync(s => s.CampaignId == campaignId, cancellationToken) is not { } list)
            return null;
        var rows = await db.Honours.AsNoTracking().Where(h => h.CampaignId == campaignId)
            .Join(db.Chambers.AsNoTracking(), h => h.ChamberId, c => c.Id, (h, c) => new { Honour = h, c.Name, c.District })
            .ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(r => r.Honour.Rank).ThenBy(r => r.Name, StringComparer.Ordinal)];
        var levels = await CampaignLevels.AtAndBelowAsync(db, campaignId, cancellationToken);
        var reviewers = await ReviewersBelowAsync(db, levels, cancellationToken);
        var lastIncluded = rows.LastOrDefault(r => r.Honour.Included)?.Honour.Score;
        var entries = rows.Select(r => new HonourEntry(r.Honour.ChamberId, r.Name, r.District, r.Honour.Rank, r.Honour.Score, r.Honour.Tier, r.Honour.Included,
            !r.Honour.Included && list.Quota is not null && r.Honour.Score == lastIncluded, r.Honour.Note, r.Honour.ChangedBy,
            r.Honour.ChangedAt is { } at ? Utc(at) : null, reviewers.GetValueOrDefault(r.Honour.ChamberId))).ToList();

        // The units of every level, less the federations whose own campaigns carried the units below them.
        var ids = levels.Select(l => l.Id).ToList();
        var participants = await db.Campaigns.Where(c => ids.Contains(c.Id)).SumAsync(c => c.ParticipantCount, cancellationToken) - (levels.Count - 1);
        return new ShortlistView(campaignId, list.Honour, list.Kind, list.Quota, TiersOf(list), list.Status, list.FileId, participants,
            entries.Count(e => e.Included), entries);
    }

    /// <summary>Each chamber reviewed in a campaign below this one, with the name of the federation that ran it.</summary>
    private static async Task<Dictionary<string, string>> ReviewersBelowAsync(CampaignDbContext db, IReadOnlyList<CampaignLevel> levels,
        CancellationToken cancellationToken)
    {
        var below = levels.Where(l => l.FederationId is not null).ToDictionary(l => l.Id, l => l.FederationId!);
        if (below.Count == 0)
            return [];
        var ids = below.Keys.ToList();
        var federations = below.Values.Distinct().ToList();
        var names = await db.Chambers.AsNoTracking().Where(c => federations.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var reviewed = await db.CampaignParticipants.AsNoTracking().Where(p => ids.Contains(p.CampaignId) && p.Score != null)
            .Select(p => new { p.ChamberId, p.CampaignId }).ToListAsync(cancellationToken);
        return reviewed.GroupBy(p => p.ChamberId).ToDictionary(g => g.Key, g =>
        {
            var federation = below[g.First().CampaignId];
            return names.GetValueOrDefault(federation) ?? federation;
        });
    }

    /// <summary>
    /// Puts a unit on the list (in a tier) or takes it off, with the reason. Null when the unit did not
    /// pass the campaign's review; <see cref="CampaignRequestException"/> when the list is signed off,
    /// the quota or the tier is full, the tier unknown, or a reason is missing.
    /// </summary>
    public async Task<ShortlistView?> ChangeAsync(string campaignId, string chamberId, HonourChange change, string by, CancellationToken cancellationToken = default)
    {
        var note = PlainText.OneLine(change.Note ?? "").Trim();
        if (note.Length > MaxNoteLength)
            throw new CampaignRequestException(ReaderText.Of($"理由不超过 {MaxNoteLength} 字", $"The reason has at most {MaxNoteLength} characters."));
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var list = await db.Shortlists.FirstOrDefaultAsync(s => s.CampaignId == campaignId, cancellationToken);
        var entry = await db.Honours.FirstOrDefaultAsync(h => h.CampaignId == campaignId && h.ChamberId == chamberId, cancellationToken);
        if (list is null || entry is null)
            return null;
        if (list.Status != ShortlistStatus.Proposed)
            throw new CampaignRequestException(ReaderText.Of("名单已由领导签批，不能再修改", "The list has been signed off by the leaders and no longer changes."));
        var tiers = TiersOf(list);
        var tier = change.Included && tiers.Count > 0 ? PlainText.OneLine(change.Tier ?? "").Trim() : null;
        var others = await db.Honours.AsNoTracking().Where(h => h.CampaignId == campaignId && h.ChamberId != chamberId && h.Included)
            .Select(h => h.Tier).ToListAsync(cancellationToken);
        var problem = (change.Included, tier) switch
        {
            _ when note.Length == 0 && (change.Included != entry.Included || tier != entry.Tier)
                => ReaderText.Of("调整名单须写明理由", "A change to the list needs its reason."),
            (true, _) when list.Quota is { } quota && others.Count >= quota
                => ReaderText.Of($"名额 {quota} 个已满，请先撤下一个单位", $"The quota of {quota} is full: take a unit off first."),
            (true, "") => ReaderText.Of("请选择档次", "Choose the tier."),
            (true, { } name) when tiers.All(t => t.Name != name)
                => ReaderText.Of($"没有“{name}”这一档，可选：{string.Join("、", tiers.Select(t => t.Name))}", $"There is no tier '{name}'; one of {string.Join(", ", tiers.Select(t => t.Name))}."),
            (true, { } name) when tiers.First(t => t.Name == name).Count is { } count && others.Count(t => t == name) >= count
                => ReaderText.Of($"“{name}”限 {count} 个，已满", $"The tier '{name}' takes {count} and is full."),
            _ => null,
        };
        if (problem is not null)
            throw new CampaignRequestException(problem);

        entry.Included = change.Included;
        entry.Tier = tier;
        entry.Note = note.Length > 0 ? note : entry.Note;
        entry.ChangedBy = by;
        entry.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await WriteDocumentAsync(db, list, cancellationToken);
        return await ViewAsync(db, campaignId, cancellationToken);
    }

    /// <summary>The leaders signed it off: it no longer changes. Returns the list, or null when the campaign has none.</summary>
    public async Task<ShortlistView?> DecideAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        await db.Shortlists.Where(s => s.CampaignId == campaignId && s.Status == ShortlistStatus.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ShortlistStatus.Decided).SetProperty(r => r.DecidedAt, clock.GetUtcNow().UtcDateTime),
                cancellationToken);
        return await ViewAsync(db, campaignId, cancellationToken);
    }

    /// <summary>
    /// The decision naming the list was published: its units become commended (表彰) or recognised
    /// (认定). Returns the units named, or null when the campaign has no decided list.
    /// </summary>
    public async Task<ShortlistView?> PublishAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var list = await db.Shortlists.FirstOrDefaultAsync(s => s.CampaignId == campaignId && s.Status == ShortlistStatus.Decided, cancellationToken);
        if (list is null)
            return null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Commended where each took part: at this level, or in its district's campaign below.
        var levels = await CampaignLevels.IdsAtAndBelowAsync(db, campaignId, cancellationToken);
        var named = db.Honours.Where(h => h.CampaignId == campaignId && h.Included).Select(h => h.ChamberId);
        await db.CampaignParticipants.Where(p => levels.Contains(p.CampaignId) && named.Contains(p.ChamberId))
            .ExecuteUpdateAsync(p => p.SetProperty(r => r.Outcome, CampaignProgress.Outcomes.Commended), cancellationToken);
        list.Status = ShortlistStatus.Published;
        list.PublishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ViewAsync(db, campaignId, cancellationToken);
    }

    /// <summary>The list as the leaders read it on their sign-off: a Word document among the campaign's documents, replaced on every change.</summary>
    private async Task WriteDocumentAsync(CampaignDbContext db, ShortlistRecord list, CancellationToken cancellationToken)
    {
        var view = (await ViewAsync(db, list.CampaignId, cancellationToken))!;
        var (campaign, wording) = await Email.CampaignWording.OfCampaignAsync(db, list.CampaignId, cancellationToken);
        var content = Compose(campaign, wording.Organiser ?? "工商联", view, BeijingTime.Today(clock));
        var instanceId = CampaignService.CampaignInstanceId(list.CampaignId);
        var file = await files.SaveAsync("", instanceId, CampaignDocuments.DocumentsTask, content.Title + ".docx", NoticeDocument.Write(content), cancellationToken);
        if (list.FileId is { } old)
            await db.SubmissionFiles.Where(f => f.Id == old && f.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
        await db.Shortlists.Where(s => s.CampaignId == list.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FileId, file.Id), cancellationToken);
        list.FileId = file.Id;
    }

    /// <summary>The list's words: how it was made, then each tier's units with their scores, then those left off and why.</summary>
    public static NoticeContent Compose(string campaign, string organiser, ShortlistView list, DateOnly date)
    {
        var verb = HonourKinds.Verb(list.Kind);
        var quota = list.Quota is { } q ? $"，名额{q}个" : "";
        // A chamber a district reviewed says so: the leaders weigh scores given on two levels.
        string Named(HonourEntry e) => string.Create(CultureInfo.InvariantCulture,
            $"{e.Chamber}（{(e.ReviewedBy is { } by ? by + "考核，" : "")}{e.Score:0.#}分）");
        var on = list.Entries.Where(e => e.Included).ToList();
        var units = list.Tiers.Count > 0
            ? list.Tiers.Select(t => new NoticeUnits(t.Name, [.. on.Where(e => e.Tier == t.Name).Select(Named)])).ToList()
            : [new NoticeUnits($"拟{verb}为{list.Honour}的单位", [.. on.Select(Named)])];
        units.Add(new NoticeUnits("达标但未列入名单的单位", [.. list.Entries.Where(e => !e.Included).Select(e => Named(e) + (e.Note is { } n ? "，" + n : ""))]));
        return new NoticeContent(organiser, null, $"{list.Honour}拟{verb}名单", "领导",
        [
            $"根据{Email.ChineseText.Quoted(campaign)}的考核结果，{list.Entries.Count}个单位达到标准。按得分排序{quota}，拟{verb}以下{on.Count}个单位为{Email.ChineseText.Quoted(list.Honour)}，请审定。",
        ],
        units, [], date);
    }

    private static IReadOnlyList<HonourTier> TiersOf(ShortlistRecord list) =>
        JsonSerializer.Deserialize<List<HonourTier>>(list.Tiers, JsonSerializerOptions.Web) ?? [];

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
