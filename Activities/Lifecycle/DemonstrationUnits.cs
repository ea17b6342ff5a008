using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>A participant staff made a demonstration unit, with why and when.</summary>
public sealed record DemonstrationUnit(string ChamberId, string Chamber, string? Reason, DateTimeOffset At);

/// <summary>
/// Demonstration units (示范单位): the Wenzhou opinions (004) ask the organiser to "确定一至两个条件较具备的
/// 商会，作为示范性商会，及时推广其成功做法和经验". Staff pick them from the participants while the campaign
/// runs, with the reason; the campaign page lists them, the participants list marks them, the
/// export and the timeline carry them. How many is the organiser's choice: nothing caps it.
/// </summary>
public sealed class DemonstrationUnits(IDbContextFactory<CampaignDbContext> campaigns, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>The campaign's demonstration units, in the order they were picked.</summary>
    public async Task<IReadOnlyList<DemonstrationUnit>> ListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var rows = await db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaignId && p.DemonstrationAt != null)
            .Join(db.Chambers, p => p.ChamberId, c => c.Id, (p, c) => new { p.ChamberId, c.Name, p.DemonstrationReason, p.DemonstrationAt })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.DemonstrationAt).ThenBy(r => r.ChamberId, StringComparer.Ordinal)
            .Select(r => new DemonstrationUnit(r.ChamberId, r.Name, r.DemonstrationReason, new DateTimeOffset(DateTime.SpecifyKind(r.DemonstrationAt!.Value, DateTimeKind.Utc))))];
    }

    /// <summary>
    /// Makes a participant a demonstration unit (again: the reason is replaced, the date kept). False
    /// when there is no such campaign or participant; <see cref="CampaignRequestException"/> for a
    /// reason too long or a campaign not launched yet.
    /// </summary>
    public async Task<bool> PickAsync(string campaignId, string chamberId, string? reason, CancellationToken cancellationToken = default)
    {
        var text = PlainText.OneLine(reason ?? "").Trim();
        if (text.Length > MaxReasonLength)
            throw new CampaignRequestException(ReaderText.Of($"理由不超过 {MaxReasonLength} 字", $"The reason has at most {MaxReasonLength} characters."));
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken) is not { } campaign)
            return false;
        if (campaign.Status == CampaignStatus.Draft)
            throw new CampaignRequestException(ReaderText.Of("活动启动后才能确定示范单位", "Demonstration units are picked once the campaign has been launched."));
        if (await db.CampaignParticipants.FirstOrDefaultAsync(p => p.CampaignId == campaignId && p.ChamberId == chamberId, cancellationToken) is not { } participant)
            return false;
        participant.DemonstrationAt ??= clock.GetUtcNow().UtcDateTime;
        participant.DemonstrationReason = text.Length > 0 ? text : null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>No longer a demonstration unit; false when it was not one.</summary>
    public async Task<bool> DropAsync(string campaignId, string chamberId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.CampaignParticipants.Where(p => p.CampaignId == campaignId && p.ChamberId == chamberId && p.DemonstrationAt != null)
            .ExecuteUpdateAsync(p => p.SetProperty(r => r.DemonstrationAt, (DateTime?)null).SetProperty(r => r.DemonstrationReason, (string?)null),
                cancellationToken) > 0;
    }
}
