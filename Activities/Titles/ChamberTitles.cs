using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Titles;

/// <summary>One step of a title's history, as the unit's page shows it.</summary>
public sealed record TitleEvent(string Action, DateOnly On, DateOnly? ValidUntil, string? Campaign, string? Reason, string? By);

/// <summary>The units holding a title (not removed; expired ones too, since a re-check is what they wait for), for the re-check campaign's participants.</summary>
public sealed record TitleHolders(string Title, IReadOnlyList<string> ChamberIds);

/// <summary>A title a unit holds or held: where it stands today (held, expired, removed) and its history, oldest first.</summary>
public sealed record TitleView(string Id, string ChamberId, string Title, DateOnly GrantedOn, DateOnly ValidUntil, string Status, DateOnly? RemovedOn,
    string? RemovedReason, IReadOnlyList<TitleEvent> History);

/// <summary>
/// 认定 over years (issue 19): 002 plans "用3-4年时间……确保一次性创建成功" toward a
/// "市级'五好'县级工商联认定标准", and 000 asks for "动态管理". A recognition decision grants the units
/// it names a title valid for some years; a later re-check campaign (复核) confirms it — its
/// validity runs on — or removes it (摘牌) with the reason; staff may remove one by hand. The
/// unit's page shows each title with its history.
/// </summary>
public sealed class ChamberTitles(IDbContextFactory<CampaignDbContext> campaigns, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>The settings key for how many years a recognition holds (to 31 December of the year that many years on).</summary>
    public const string YearsKey = "titleYears";

    public const int DefaultYears = 3;

    /// <summary>The last day of a title granted or confirmed today for <paramref name="years"/>: 31 December, that many years on.</summary>
    public static DateOnly ValidityFrom(DateOnly today, int years) => new(today.Year + Math.Max(1, years), 12, 31);

    /// <summary>
    /// A published recognition decision grants the units it names the title: a new one, or — for a
    /// unit holding it still — a renewal of the one it holds. Once per campaign and unit.
    /// </summary>
    public async Task<int> GrantAsync(string campaignId, string title, IReadOnlyList<string> chamberIds, int years, CancellationToken cancellationToken = default)
    {
        var today = BeijingTime.Today(clock);
        var validUntil = ValidityFrom(today, years);
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = await db.Titles.Where(t => t.Title == title && t.RemovedOn == null && chamberIds.Contains(t.ChamberId)).ToListAsync(cancellationToken);
        var done = await db.TitleEvents.Where(e => e.CampaignId == campaignId && e.Action == TitleActions.Granted)
            .Join(db.Titles, e => e.TitleId, t => t.Id, (e, t) => t.ChamberId).ToListAsync(cancellationToken);
        var granted = 0;
        foreach (var chamberId in chamberIds.Except(done, StringComparer.Ordinal))
        {
            var record = held.FirstOrDefault(t => t.ChamberId == chamberId);
            if (record is null)
            {
                db.Titles.Add(record = new TitleRecord
                {
                    Id = Guid.CreateVersion7().ToString("N"), ChamberId = chamberId, Title = title, CampaignId = campaignId, GrantedOn = today,
                });
            }

            record.ValidUntil = validUntil;
            db.TitleEvents.Add(Event(record.Id, TitleActions.Granted, today, validUntil, campaignId, null, null));
            granted++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return granted;
    }

    /// <summary>复核通过: the unit's title runs on for <paramref name="years"/> more. Null when it holds no such title.</summary>
    public async Task<TitleView?> ConfirmAsync(string chamberId, string title, int years, string? campaignId, CancellationToken cancellationToken = default)
    {
        var today = BeijingTime.Today(clock);
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (await HeldAsync(db, chamberId, title, cancellationToken) is not { } record)
            return null;
        record.ValidUntil = ValidityFrom(today, years);
        db.TitleEvents.Add(Event(record.Id, TitleActions.Confirmed, today, record.ValidUntil, campaignId, null, null));
        await db.SaveChangesAsync(cancellationToken);
        return (await OfChamberAsync(db, chamberId, cancellationToken)).Single(t => t.Id == record.Id);
    }

    /// <summary>
    /// 摘牌: removes a title the unit holds, with the reason (by a re-check, or by staff). Null when
    /// it holds no such title; <see cref="CampaignRequestException"/> without a reason.
    /// </summary>
    public async Task<TitleView?> RemoveAsync(string chamberId, string titleOrId, string? reason, string? by, string? campaignId,
        CancellationToken cancellationToken = default)
    {
        var why = PlainText.OneLine(reason ?? "").Trim();
        if (why.Length == 0)
            throw new CampaignRequestException(ReaderText.Of("撤销称号须写明理由", "Removing a title needs the reason."));
        if (why.Length > MaxReasonLength)
            throw new CampaignRequestException(ReaderText.Of($"理由不超过 {MaxReasonLength} 字", $"The reason has at most {MaxReasonLength} characters."));
        var today = BeijingTime.Today(clock);
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var record = await db.Titles.FirstOrDefaultAsync(t => t.ChamberId == chamberId && t.RemovedOn == null && (t.Id == titleOrId || t.Title == titleOrId),
            cancellationToken);
        if (record is null)
            return null;
        record.RemovedOn = today;
        record.RemovedReason = why;
        db.TitleEvents.Add(Event(record.Id, TitleActions.Removed, today, null, campaignId, why, by));
        await db.SaveChangesAsync(cancellationToken);
        return (await OfChamberAsync(db, chamberId, cancellationToken)).Single(t => t.Id == record.Id);
    }

    /// <summary>Every title held (not removed), with its holders, by title.</summary>
    public async Task<IReadOnlyList<TitleHolders>> HoldersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var held = await db.Titles.AsNoTracking().Where(t => t.RemovedOn == null).Select(t => new { t.Title, t.ChamberId }).ToListAsync(cancellationToken);
        return [.. held.GroupBy(t => t.Title).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TitleHolders(g.Key, [.. g.Select(t => t.ChamberId).Distinct().Order(StringComparer.Ordinal)]))];
    }

    /// <summary>The unit's titles, those held first, each with its history.</summary>
    public async Task<IReadOnlyList<TitleView>> OfChamberAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await OfChamberAsync(db, chamberId, cancellationToken);
    }

    private async Task<IReadOnlyList<TitleView>> OfChamberAsync(CampaignDbContext db, string chamberId, CancellationToken cancellationToken)
    {
        var titles = await db.Titles.AsNoTracking().Where(t => t.ChamberId == chamberId).ToListAsync(cancellationToken);
        var ids = titles.Select(t => t.Id).ToList();
        var events = (await db.TitleEvents.AsNoTracking().Where(e => ids.Contains(e.TitleId))
                .GroupJoin(db.Campaigns.AsNoTracking(), e => e.CampaignId, c => c.Id, (e, c) => new { Event = e, Campaigns = c })
                .SelectMany(x => x.Campaigns.DefaultIfEmpty(), (x, c) => new { x.Event, Campaign = c == null ? null : c.Name })
                .ToListAsync(cancellationToken))
            .OrderBy(x => x.Event.At).ToLookup(x => x.Event.TitleId);
        var today = BeijingTime.Today(clock);
        return [.. titles.Select(t => new TitleView(t.Id, t.ChamberId, t.Title, t.GrantedOn, t.ValidUntil, StatusOf(t, today), t.RemovedOn, t.RemovedReason,
                [.. events[t.Id].Select(x => new TitleEvent(x.Event.Action, x.Event.OnDay, x.Event.ValidUntil, x.Campaign, x.Event.Reason, x.Event.ByWhom))]))
            .OrderBy(t => t.Status == TitleActions.Held ? 0 : 1).ThenByDescending(t => t.GrantedOn)];
    }

    /// <summary>Held, expired (past its validity without a re-check), or removed.</summary>
    public static string StatusOf(TitleRecord title, DateOnly today) =>
        title.RemovedOn is not null ? TitleActions.Removed : title.ValidUntil < today ? TitleActions.Expired : TitleActions.Held;

    private static Task<TitleRecord?> HeldAsync(CampaignDbContext db, string chamberId, string title, CancellationToken cancellationToken) =>
        db.Titles.FirstOrDefaultAsync(t => t.ChamberId == chamberId && t.Title == title && t.RemovedOn == null, cancellationToken);

    private TitleEventRecord Event(string titleId, string action, DateOnly on, DateOnly? validUntil, string? campaignId, string? reason, string? by) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"), TitleId = titleId, Action = action, OnDay = on, ValidUntil = validUntil, CampaignId = campaignId, Reason = reason,
        ByWhom = by, At = clock.GetUtcNow().UtcDateTime,
    };
}
