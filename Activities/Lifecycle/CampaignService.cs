using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// Campaign commands: created from a template and a list of chambers, then launched in the
/// background by <see cref="CampaignLauncher"/> (one workflow instance per chamber, correlated by
/// the campaign id). What a campaign looks like while it runs is <see cref="CampaignQueries"/>.
/// </summary>
public sealed class CampaignService(
    IDbContextFactory<CampaignDbContext> campaigns,
    Chambers.ChamberDirectory directory,
    CampaignTemplates templates,
    IPeopleDirectory people,
    Calendar.BusinessCalendarService calendars,
    Reviews.RubricCatalog rubrics,
    TimeProvider clock)
{
    /// <param name="federationId">The federation whose account creates it: its campaign, over units under it only. Null: the top level's.</param>
    public async Task<CampaignRecord> CreateAsync(CreateCampaign request, string? federationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var (participantIds, template) = await CheckAsync(db, request, new CampaignOwner(federationId, null, null), cancellationToken);
        var campaign = new CampaignRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Name = "",
            TemplateId = "",
            Status = CampaignStatus.Draft,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            FederationId = federationId,
        };
        Apply(campaign, request, participantIds.Count, template);
        db.Campaigns.Add(campaign);
        AddParticipants(db, campaign.Id, participantIds);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>
    /// Changes a draft as the wizard creates one (all of it, the participants too); null when there
    /// is no such campaign. A launched campaign is not changed: its chambers have been written to.
    /// </summary>
    /// <exception cref="CampaignStateException">The campaign is no longer a draft.</exception>
    public async Task<CampaignRecord?> UpdateAsync(string campaignId, CreateCampaign request, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var owner = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new CampaignOwner(c.FederationId, c.ParentCampaignId, c.TemplateId)).FirstOrDefaultAsync(cancellationToken);
        var (participantIds, template) = await CheckAsync(db, request, owner ?? new CampaignOwner(null, null, null), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await DraftAsync(db, campaignId, cancellationToken) is not { } campaign)
            return null;
        Apply(campaign, request, participantIds.Count, template);
        await db.CampaignParticipants.Where(p => p.CampaignId == campaignId).ExecuteDeleteAsync(cancellationToken);
        AddParticipants(db, campaignId, participantIds);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return campaign;
    }

    /// <summary>Deletes a draft with its list of participants; false when there is no such campaign.</summary>
    /// <exception cref="CampaignStateException">The campaign is no longer a draft.</exception>
    public async Task<bool> DeleteAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await DraftAsync(db, campaignId, cancellationToken) is not { } campaign)
            return false;
        // The upper campaign's step waits for this one's report: it is launched, never dropped.
        if (campaign.ParentCampaignId is not null)
            throw new CampaignStateException(ReaderText.Of("上级部署的活动不能删除，请确认参加单位后启动", "A campaign opened by an upper campaign cannot be deleted: choose its units and launch it."));
        await db.CampaignParticipants.Where(p => p.CampaignId == campaignId).ExecuteDeleteAsync(cancellationToken);
        db.Campaigns.Remove(campaign);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The campaign, held for this transaction as a draft: the status is rewritten as it is, which
    /// takes the row's write lock, so a launch arriving meanwhile waits and then finds what was saved.
    /// </summary>
    private static async Task<CampaignRecord?> DraftAsync(CampaignDbContext db, string campaignId, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Draft), cancellationToken) == 1)
            return await db.Campaigns.FirstAsync(c => c.Id == campaignId, cancellationToken);
        return await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken)
            ? throw new CampaignStateException(ReaderText.Of("活动已启动，不能再修改或删除", "The campaign has been launched; it can no longer be changed or deleted."))
            : null;
    }

    /// <summary>The request's problems, all at once, as one <see cref="CampaignRequestException"/>; else the participants in launch order.</summary>
    private async Task<(List<string> ParticipantIds, CampaignTemplate Template)> CheckAsync(CampaignDbContext db, CreateCampaign request, CampaignOwner owner,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Name))
            problems.Add(ReaderText.Of("请填写活动名称", "The campaign needs a name."));
        else if (request.Name.Trim().Length > PlainText.MaxNameLength)
            problems.Add(ReaderText.Of($"活动名称不能超过 {PlainText.MaxNameLength} 字", $"The campaign name may have at most {PlainText.MaxNameLength} characters."));
        else if (PlainText.HasControlCharacters(request.Name))
            problems.Add(ReaderText.Of("活动名称须为一行，不能含换行或控制字符", "The campaign name must be one line, without line breaks or control characters."));
        if (request.Year is not (>= 2004 and <= 2100))
            problems.Add(ReaderText.Of("年度无效", "The year is not valid."));
        var (template, templateProblem) = await templates.FindAsync(request.TemplateId, cancellationToken);
        if (templateProblem is not null)
            problems.Add(templateProblem);
        // The upper campaign waits for the report its template ends with.
        if (owner.ParentCampaignId is not null && request.TemplateId != owner.TemplateId)
            problems.Add(ReaderText.Of("上级部署的活动不能更换模板", "A campaign opened by an upper campaign keeps its template."));
        else if (request.Year is >= 2004 and <= 2100)
        {
            problems.AddRange(await ScheduleProblemsAsync(template!, request, cancellationToken));
            if (owner.ParentCampaignId is not null)
                problems.AddRange(await LoosenedAsync(db, owner.ParentCampaignId, CampaignSchedule.DatesOf(template, request.Year.Value, request.Schedule), cancellationToken));
        }
        foreach (var key in Email.CampaignWording.Keys)
        {
            if (request.Schedule?.GetValueOrDefault(key) is { } text && (text.Trim().Length > PlainText.MaxNameLength || PlainText.HasControlCharacters(text)))
                problems.Add(ReaderText.Of($"{key} 须为一行，不超过 {PlainText.MaxNameLength} 字", $"{key} must be one line of at most {PlainText.MaxNameLength} characters."));
        }

        if (request.Schedule?.GetValueOrDefault(Honours.HonourKinds.SettingKey) is { Length: > 0 } honourKind && !Honours.HonourKinds.IsKind(honourKind.Trim()))
            problems.Add(ReaderText.Of($"结果类型“{honourKind}”无效，可用：commendation（表彰）、recognition（认定）",
                $"The honour kind '{honourKind}' is not known; one of commendation, recognition."));
        if (request.Schedule?.GetValueOrDefault(Honours.HonourKinds.QuotaKey) is { Length: > 0 } quota && Honours.HonourKinds.PositiveWhole(quota) is null)
            problems.Add(ReaderText.Of($"表彰名额“{quota}”应为正整数", $"The quota '{quota}' must be a positive whole number."));
        if (request.Schedule?.GetValueOrDefault(Honours.HonourKinds.TiersKey) is { Length: > 0 } tiers)
        {
            try
            {
                if (tiers.Length > 4000)
                    throw new InvalidOperationException(ReaderText.Of("档次设置过长", "The tiers are too long."));
                Honours.HonoursShortlist.ReadTiers(tiers);
            }
            catch (InvalidOperationException e)
            {
                problems.Add(e.Message);
            }
        }

        if (request.Schedule?.GetValueOrDefault(Titles.ChamberTitles.YearsKey) is { Length: > 0 } titleYears
            && Honours.HonourKinds.PositiveWhole(titleYears) is not (> 0 and <= 10))
            problems.Add(ReaderText.Of($"称号有效期“{titleYears}”应为 1–10 年", $"The title's validity '{titleYears}' must be 1–10 years."));

        var participantIds = (request.ParticipantIds ?? []).Distinct().ToList();
        if (participantIds.Count == 0)
            problems.Add(ReaderText.Of("请选择参加的商会", "Choose the participating chambers."));
        var named = new List<(string Text, string Tag)>();
        foreach (var address in (request.Leaders ?? []).Concat(request.Reviewers ?? []).Concat(request.PlanApprovers ?? []))
        {
            if (UserTasks.AssigneeTag(address) is { } tag)
                named.Add((address, tag));
            else
                problems.Add(ReaderText.Of($"“{address}”既不是邮箱也不是角色", $"'{address}' is neither an e-mail address nor role:<name>."));
        }

        // Everyone named must be somebody: a task for an address without an account would wait for ever.
        var nobody = (await people.UnknownAsync([.. named.Select(n => n.Tag).Distinct()], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var (text, _) in named.Where(n => nobody.Contains(n.Tag)).DistinctBy(n => n.Tag))
        {
            problems.Add(text.TrimStart().StartsWith("role:", StringComparison.OrdinalIgnoreCase)
                ? ReaderText.Of($"没有“{text}”这个角色", $"There is no role '{text}'.")
                : ReaderText.Of($"“{text}”不是系统中的有效用户", $"'{text}' has no active account."));
        }

        if (participantIds.Count > 0)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in participantIds.Chunk(1000))
                known.UnionWith(await db.Chambers.Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken));
            var unknown = participantIds.Where(id => !known.Contains(id)).Take(5).ToList();
            if (unknown.Count > 0)
                problems.Add(ReaderText.Of($"商会不在名录中：{string.Join(", ", unknown)}", $"Not in the chamber directory: {string.Join(", ", unknown)}."));
            else if (owner.FederationId is not null)
            {
                // A federation's campaign is for the units under it: none of another's.
                var under = await directory.UnderAsync(owner.FederationId, cancellationToken);
                var outside = participantIds.Where(id => !under.Contains(id)).Take(5).ToList();
                if (outside.Count > 0)
                    problems.Add(ReaderText.Of($"不是本单位所属的单位：{string.Join(", ", outside)}", $"Not under this federation: {string.Join(", ", outside)}."));
            }
        }

        if (problems.Count > 0)
            throw new CampaignRequestException(string.Join(" ", problems));
        // The launcher starts participants in chamber order: their instances' ids ascend in it.
        participantIds.Sort(StringComparer.Ordinal);
        return (participantIds, template!);

    }

    /// <summary>
    /// Every due date the campaign will use (the template's, as this request changes them) must be a
    /// business date the calendar can resolve: a year without calendar data is named now, with where
    /// to add it, rather than found by the workflow after the launch.
    /// </summary>
    private async Task<IEnumerable<string>> ScheduleProblemsAsync(CampaignTemplate template, CreateCampaign request, CancellationToken cancellationToken)
    {
        var dates = CampaignSchedule.DatesOf(template, request.Year!.Value, request.Schedule);
        var calendar = await calendars.GetAsync(cancellationToken);
        var problems = new List<string>();
        var missingYears = new SortedSet<int>();
        foreach (var (key, text) in dates)
        {
            try
            {
                Calendar.BusinessDate.Parse(text).Resolve(calendar);
            }
            catch (Calendar.CalendarYearMissingException e)
            {
                missingYears.Add(e.Year);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                problems.Add(ReaderText.Of($"截止日期 {key}“{text}”无效", $"The due date {key} '{text}' is not a business date: {e.Message}"));
            }
        }

        problems.AddRange(missingYears.Select(year =>
            ReaderText.Of($"工作日历还没有 {year} 年的节假日安排，请管理员先在“工作日历”页面导入 {year} 年", $"The business calendar has no {year} yet: an administrator must import it on the calendar page first.")));
        return problems;
    }

    private static void Apply(CampaignRecord campaign, CreateCampaign request, int participantCount, CampaignTemplate template)
    {
        // The template's wording, as the request changes it: the campaign keeps what it started with.
        var settings = new Dictionary<string, string>(template.Wording ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [Honours.HonourKinds.SettingKey] = template.HonourKind,
        };
        foreach (var (key, value) in request.Schedule ?? new Dictionary<string, string>())
        {
            if (!string.IsNullOrWhiteSpace(value))
                settings[key] = value.Trim();
        }

        campaign.Name = request.Name!.Trim();
        campaign.Year = request.Year!.Value;
        campaign.TemplateId = request.TemplateId!;
        campaign.Leaders = Joined(request.Leaders);
        campaign.Reviewers = Joined(request.Reviewers);
        campaign.PlanApprovers = Joined(request.PlanApprovers);
        campaign.Schedule = settings.Count > 0 ? JsonSerializer.Serialize(settings) : null;
        campaign.ParticipantCount = participantCount;
    }

    /// <summary>The due dates of a federation's campaign that fall after its upper level's (which it may tighten, not loosen).</summary>
    private async Task<IEnumerable<string>> LoosenedAsync(CampaignDbContext db, string parentId, IReadOnlyDictionary<string, string> dates, CancellationToken cancellationToken)
    {
        if (await UpperDatesAsync(db, parentId, cancellationToken) is not { } upper)
            return [];
        return CampaignSchedule.LoosenedProblems(dates, upper, await calendars.GetAsync(cancellationToken)).ToList();
    }

    /// <summary>The due dates an upper level's campaign runs by; null when there is no such campaign.</summary>
    private async Task<Dictionary<string, string>?> UpperDatesAsync(CampaignDbContext db, string parentId, CancellationToken cancellationToken)
    {
        var parent = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken);
        if (parent is null)
            return null;
        var template = (await templates.FindAsync(parent.TemplateId, cancellationToken)).Template;
        return CampaignSchedule.DatesOf(template, parent.Year, SettingsOf(parent));
    }

    private static Dictionary<string, string>? SettingsOf(CampaignRecord campaign) =>
        campaign.Schedule is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(campaign.Schedule);

    /// <summary>
    /// A federation's own campaign for an upper level's (下级活动), opened by <see cref="Cascade.CascadeCampaign"/>
    /// when the federation's part reaches it: a draft of the federation's template over the units
    /// directly under it in the directory, due by the template's dates or the upper level's where
    /// those are earlier, run by the federation's own staff and leaders. Its id comes from the two,
    /// so a step run again finds the campaign it opened.
    /// </summary>
    public async Task<CampaignRecord> OpenForFederationAsync(string parentId, string federationId, string templateId, CancellationToken cancellationToken = default)
    {
        var id = SubCampaignId(parentId, federationId);
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } opened)
            return opened;
        var parent = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken)
            ?? throw new InvalidOperationException(ReaderText.Of($"上级活动“{parentId}”不存在", $"The upper campaign '{parentId}' does not exist."));
        var federation = await db.Chambers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == federationId, cancellationToken)
            ?? throw new InvalidOperationException(Chambers.ChamberDirectory.NotInDirectory(federationId));
        if (!Chambers.ChamberTypes.IsFederation(federation.Type))
            throw new InvalidOperationException(ReaderText.Of($"“{federation.Name}”不是工商联，不能为所属单位开设活动", $"'{federation.Name}' is not a federation: it has no units to run a campaign for."));
        var (template, problem) = await templates.FindAsync(templateId, cancellationToken);
        if (template is null)
            throw new InvalidOperationException(problem);

        var calendar = await calendars.GetAsync(cancellationToken);
        var dates = CampaignSchedule.DatesOf(template, parent.Year, null);
        var upper = await UpperDatesAsync(db, parentId, cancellationToken) ?? [];
        var units = await db.Chambers.AsNoTracking().Where(c => c.ParentId == federationId).Select(c => c.Id).ToListAsync(cancellationToken);
        units.Sort(StringComparer.Ordinal);
        var settings = CampaignSchedule.Capped(dates, upper, calendar);
        // Its letters come from the federation, not from the upper level's department; its reviewers score.
        settings[Email.CampaignWording.OrganiserKey] = federation.Name;
        if (await people.OfFederationAsync(federationId, "reviewer", cancellationToken) is { Count: > 0 } scorers)
            settings["scorers"] = string.Join(", ", scorers);
        var request = new CreateCampaign($"{parent.Name}（{federation.Name}）", parent.Year, templateId, units,
            await people.OfFederationAsync(federationId, "leader", cancellationToken),
            await people.OfFederationAsync(federationId, "staff", cancellationToken),
            settings);
        var campaign = new CampaignRecord
        {
            Id = id,
            Name = "",
            TemplateId = "",
            Status = CampaignStatus.Draft,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ParentCampaignId = parentId,
            FederationId = federationId,
        };
        Apply(campaign, request, units.Count, template);
        db.Campaigns.Add(campaign);
        AddParticipants(db, id, units);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened meanwhile by the same step run elsewhere.
            await using var again = await campaigns.CreateDbContextAsync(cancellationToken);
            return await again.Campaigns.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken);
        }

        return campaign;
    }

    /// <summary>A federation's campaign for an upper level's: derived from the two, so it is opened once.</summary>
    public static string SubCampaignId(string parentId, string federationId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"sub-campaign:{parentId}:{federationId}")).AsSpan(0, 16)).ToString("N");

    private static string? Joined(IReadOnlyList<string>? people) => people is { Count: > 0 } ? string.Join(", ", people) : null;

    private static void AddParticipants(CampaignDbContext db, string campaignId, List<string> participantIds)
    {
        var instanceIds = OrderedIds.Create(participantIds.Count);
        db.CampaignParticipants.AddRange(participantIds.Select((chamberId, i) => new CampaignParticipantRecord
        {
            CampaignId = campaignId,
            ChamberId = chamberId,
            InstanceId = instanceIds[i],
        }));
    }

    /// <summary>Hands the campaign to the launcher, which starts its workflow; false when it was launched already.</summary>
    public async Task<bool> LaunchAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        // A draft saved before its year's holidays were published is checked again: refused here,
        // naming the year, rather than a workflow that faults behind a "launching" campaign.
        var draft = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId && c.Status == CampaignStatus.Draft, cancellationToken);
        var template = draft is null ? null : (await templates.FindAsync(draft.TemplateId, cancellationToken)).Template;
        if (draft is not null && template is not null)
        {
            var schedule = SettingsOf(draft);
            var problems = (await ScheduleProblemsAsync(template, new CreateCampaign(draft.Name, draft.Year, draft.TemplateId, [], null, null, schedule), cancellationToken)).ToList();
            if (draft.ParentCampaignId is not null)
            {
                // Opened by the system, not the wizard: what the wizard would have asked is asked now.
                problems.AddRange(await LoosenedAsync(db, draft.ParentCampaignId, CampaignSchedule.DatesOf(template, draft.Year, schedule), cancellationToken));
                if (draft.ParticipantCount == 0)
                    problems.Add(ReaderText.Of("请选择参加的单位", "Choose the participating units."));
                if (string.IsNullOrWhiteSpace(draft.Reviewers))
                    problems.Add(ReaderText.Of("请指定本单位负责审核的工作人员", "Name the staff who check the submissions."));
            }

            if (problems.Count > 0)
                throw new CampaignRequestException(string.Join(" ", problems));
        }

        // The campaign keeps the rubric's version of today: edits made while it runs are for the next one.
        var rubricId = template?.Rubric;
        var version = rubricId is null ? null : (await rubrics.FindAsync(rubricId, cancellationToken: cancellationToken))?.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Launching).SetProperty(c => c.LaunchedAt, now)
                .SetProperty(c => c.RubricId, rubricId).SetProperty(c => c.RubricVersion, version), cancellationToken) == 1;
    }

    /// <summary>Most characters in the reason a campaign is stopped for (its participants are e-mailed it).</summary>
    public const int MaxStopReasonLength = 500;

    /// <summary>
    /// Stops (中止) a launched campaign: it is marked stopped with the reason at once, and
    /// <see cref="Stopping.CampaignStopper"/> cancels its workflows and tells its participants in the
    /// background. False when there is no such campaign. A federation's campaign opened for an
    /// upper one is stopped only with it (<paramref name="byUpperLevel"/>), even as a draft: the
    /// upper level's step waits for its report, and a draft nobody waits for is deleted instead.
    /// </summary>
    /// <exception cref="CampaignRequestException">No reason, or one too long.</exception>
    /// <exception cref="CampaignStateException">A draft, a campaign run for an upper one, or one stopped already.</exception>
    /// <param name="stoppedBy">Who stops it (an e-mail address); null for the upper level's stop.</param>
    public async Task<bool> StopAsync(string campaignId, string? reason, string? stoppedBy, bool byUpperLevel = false, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            throw new CampaignRequestException(ReaderText.Of("请写明中止活动的原因，参加单位将收到这一说明", "Give the reason for stopping the campaign: its participants are told it."));
        if (reason.Length > MaxStopReasonLength)
            throw new CampaignRequestException(ReaderText.Of($"中止原因不能超过 {MaxStopReasonLength} 字", $"The reason may have at most {MaxStopReasonLength} characters."));
        if (reason.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            throw new CampaignRequestException(ReaderText.Of("中止原因含有控制字符", "The reason contains control characters."));

        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
            return false;
        if (campaign.ParentCampaignId is not null && !byUpperLevel)
            throw new CampaignStateException(ReaderText.Of("上级部署的活动随上级活动中止，本级不能单独中止", "A campaign opened by an upper campaign stops only with it."));
        var stoppable = byUpperLevel ? [CampaignStatus.Draft, CampaignStatus.Launching, CampaignStatus.Running] : new[] { CampaignStatus.Launching, CampaignStatus.Running };
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement decides between two stops at once; a draft has no workflows for the stopper to cancel.
        if (await db.Campaigns.Where(c => c.Id == campaignId && stoppable.Contains(c.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Stopped)
                    .SetProperty(c => c.StoppedAt, now)
                    .SetProperty(c => c.StopReason, reason)
                    .SetProperty(c => c.StoppedBy, stoppedBy)
                    .SetProperty(c => c.StopPending, c => c.Status != CampaignStatus.Draft), cancellationToken) == 1)
            return true;
        var status = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).FirstAsync(cancellationToken);
        throw new CampaignStateException(status == CampaignStatus.Draft
            ? ReaderText.Of("草稿尚未启动，无需中止，可直接删除", "A draft has not been launched: delete it instead of stopping it.")
            : ReaderText.Of("活动已中止", "The campaign has been stopped already."));
    }

    /// <summary>Whose campaign it is: a federation's (its units only) and, for a federation's part in an upper campaign, that campaign (its dates the limit) and the template it was opened with.</summary>
    private sealed record CampaignOwner(string? FederationId, string? ParentCampaignId, string? TemplateId);

    /// <summary>The instance of the campaign's own workflow: derived from the campaign, so it is started once.</summary>
    public static string CampaignInstanceId(string campaignId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"campaign:{campaignId}")).AsSpan(0, 16)).ToString("N");
}
