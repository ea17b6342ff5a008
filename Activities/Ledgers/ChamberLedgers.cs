using System.Text.Json;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Ledgers;

/// <summary>A unit's 台账 for a year (table <c>chamber_ledgers</c>): its figures as it entered them, and whether staff confirmed them.</summary>
public sealed class LedgerRecord
{
    public required string ChamberId { get; set; }
    public int Year { get; set; }

    /// <summary>The figures as a JSON object of <see cref="LedgerField.Key"/> to number.</summary>
    public required string Figures { get; set; }

    /// <summary>See <see cref="LedgerStatus"/>.</summary>
    public required string Status { get; set; }

    public DateTime SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReturnedReason { get; set; }
}

/// <summary>Where a year's 台账 stands.</summary>
public static class LedgerStatus
{
    public const string Submitted = "submitted";
    public const string Confirmed = "confirmed";
    public const string Returned = "returned";
}

/// <summary>One figure as the form shows it: this year's value and last year's beside it.</summary>
public sealed record LedgerValue(string Key, string Label, string LabelEn, string Unit, string UnitEn, bool Whole, decimal? Value, decimal? Previous);

public sealed record LedgerSectionView(string Key, string Title, string TitleEn, IReadOnlyList<LedgerValue> Fields);

/// <summary>A unit's 台账 for a year, with last year's figures beside this year's; <see cref="Status"/> null before it is first entered.</summary>
public sealed record LedgerView(string ChamberId, int Year, string? Status, DateTimeOffset? SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt,
    string? ReturnedReason, IReadOnlyList<LedgerSectionView> Sections);

/// <summary>What a unit enters: its figures for the year (a figure left out or empty is not known).</summary>
public sealed record LedgerEntry(IReadOnlyDictionary<string, decimal?>? Figures);

/// <summary>
/// 台账 (issue 19: "the figures come only from a staff CSV: the portal has no form for a chamber's
/// own numbers"). A unit enters its figures for a year on its portal page, last year's shown beside
/// them; staff confirm them or return them with the reason; the rubrics' indicators read the
/// confirmed figures of the campaign's year (<see cref="FiguresAsync"/>). A unit changing figures
/// already confirmed sends them back for confirmation.
/// </summary>
public sealed class ChamberLedgers(IDbContextFactory<CampaignDbContext> campaigns, TimeProvider clock)
{
    public const decimal MaxFigure = 1_000_000_000m;
    public const int MaxReasonLength = 500;

    /// <summary>The years a unit may enter: from 2004 to this year (Beijing).</summary>
    public bool IsOpenYear(int year) => year >= 2004 && year <= BeijingTime.Today(clock).Year;

    public async Task<LedgerView> ViewAsync(string chamberId, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var rows = await db.Ledgers.AsNoTracking().Where(l => l.ChamberId == chamberId && (l.Year == year || l.Year == year - 1)).ToListAsync(cancellationToken);
        var current = rows.FirstOrDefault(r => r.Year == year);
        var now = current is null ? new Dictionary<string, decimal>() : Parse(current.Figures);
        var before = rows.FirstOrDefault(r => r.Year == year - 1) is { } last ? Parse(last.Figures) : [];
        return new LedgerView(chamberId, year, current?.Status, current is null ? null : Utc(current.SubmittedAt), current?.ReviewedBy,
            current?.ReviewedAt is { } at ? Utc(at) : null, current?.ReturnedReason,
            [.. LedgerFields.Sections.Select(s => new LedgerSectionView(s.Key, s.Title, s.TitleEn, [.. s.Fields.Select(f => new LedgerValue(f.Key, f.Label, f.LabelEn,
                f.Unit, f.UnitEn, f.Whole, now.TryGetValue(f.Key, out var value) ? value : null, before.TryGetValue(f.Key, out var previous) ? previous : null))]))]);
    }

    /// <summary>The unit's years, the newest first.</summary>
    public async Task<IReadOnlyList<LedgerView>> ListAsync(string chamberId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var years = await db.Ledgers.AsNoTracking().Where(l => l.ChamberId == chamberId).Select(l => l.Year).OrderByDescending(y => y).ToListAsync(cancellationToken);
        var views = new List<LedgerView>();
        foreach (var year in years)
            views.Add(await ViewAsync(chamberId, year, cancellationToken));
        return views;
    }

    /// <summary>
    /// The unit enters its figures for a year: they wait for staff to confirm them.
    /// <see cref="CampaignRequestException"/> naming every problem (an unknown figure, a negative or
    /// fractional count, a part larger than its whole, a year not open) — and nothing is kept.
    /// </summary>
    public async Task<LedgerView> SubmitAsync(string chamberId, int year, LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var problems = new List<string>();
        if (!IsOpenYear(year))
            problems.Add(ReaderText.Of($"只能填报2004年至今年的台账，不能填报{year}年", $"Only the years from 2004 to this year can be entered, not {year}."));
        foreach (var (key, value) in entry.Figures ?? new Dictionary<string, decimal?>())
        {
            if (!LedgerFields.ByKey.TryGetValue(key, out var field))
            {
                problems.Add(ReaderText.Of($"台账中没有“{key}”这一项", $"The ledger has no figure '{key}'."));
                continue;
            }

            if (value is not { } number)
                continue;
            if (number < 0 || number > MaxFigure)
                problems.Add(ReaderText.Of($"“{field.Label}”应在 0 到 10 亿之间", $"'{field.LabelEn}' must be between 0 and 1,000,000,000."));
            else if (field.Whole && number != decimal.Truncate(number))
                problems.Add(ReaderText.Of($"“{field.Label}”应为整数", $"'{field.LabelEn}' must be a whole number."));
            else
                figures[key] = field.Whole ? number : decimal.Round(number, 2);
        }

        foreach (var (part, whole) in LedgerFields.PartsOf)
        {
            if (figures.TryGetValue(part, out var p) && figures.TryGetValue(whole, out var w) && p > w)
                problems.Add(ReaderText.Of($"“{LedgerFields.ByKey[part].Label}”不能大于“{LedgerFields.ByKey[whole].Label}”",
                    $"'{LedgerFields.ByKey[part].LabelEn}' cannot exceed '{LedgerFields.ByKey[whole].LabelEn}'."));
        }

        if (figures.Count == 0 && problems.Count == 0)
            problems.Add(ReaderText.Of("请至少填写一项数据", "Enter at least one figure."));
        if (problems.Count > 0)
            throw new CampaignRequestException(string.Join(" ", problems));

        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var ledger = await db.Ledgers.FirstOrDefaultAsync(l => l.ChamberId == chamberId && l.Year == year, cancellationToken);
        if (ledger is null)
            db.Ledgers.Add(ledger = new LedgerRecord { ChamberId = chamberId, Year = year, Figures = "{}", Status = LedgerStatus.Submitted });
        var json = JsonSerializer.Serialize(figures.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary());
        // Figures unchanged since staff confirmed them stay confirmed; any change asks again.
        if (ledger.Status != LedgerStatus.Confirmed || ledger.Figures != json)
        {
            ledger.Figures = json;
            ledger.Status = LedgerStatus.Submitted;
            ledger.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            ledger.ReviewedBy = null;
            ledger.ReviewedAt = null;
            ledger.ReturnedReason = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(chamberId, year, cancellationToken);
    }

    /// <summary>Staff confirm a year's figures, or return them with the reason. Null when the unit has not entered that year.</summary>
    public async Task<LedgerView?> ReviewAsync(string chamberId, int year, bool confirm, string? reason, string by, CancellationToken cancellationToken = default)
    {
        var why = PlainText.OneLine(reason ?? "").Trim();
        if (!confirm && why.Length == 0)
            throw new CampaignRequestException(ReaderText.Of("退回台账须写明理由", "Returning the figures needs the reason."));
        if (why.Length > MaxReasonLength)
            throw new CampaignRequestException(ReaderText.Of($"理由不超过 {MaxReasonLength} 字", $"The reason has at most {MaxReasonLength} characters."));
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (await db.Ledgers.FirstOrDefaultAsync(l => l.ChamberId == chamberId && l.Year == year, cancellationToken) is not { } ledger)
            return null;
        ledger.Status = confirm ? LedgerStatus.Confirmed : LedgerStatus.Returned;
        ledger.ReturnedReason = confirm ? null : why;
        ledger.ReviewedBy = by;
        ledger.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(chamberId, year, cancellationToken);
    }

    /// <summary>The figures the indicators read for a year: the directory's, with the year's confirmed 台账 over them.</summary>
    public async Task<ChamberFigures> FiguresAsync(ChamberRecord chamber, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var confirmed = await db.Ledgers.AsNoTracking()
            .Where(l => l.ChamberId == chamber.Id && l.Status == LedgerStatus.Confirmed && (l.Year == year || l.Year == year - 1))
            .ToDictionaryAsync(l => l.Year, l => Parse(l.Figures), cancellationToken);
        return ChamberFigures.Of(chamber, confirmed.GetValueOrDefault(year), confirmed.GetValueOrDefault(year - 1));
    }

    private static Dictionary<string, decimal> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
