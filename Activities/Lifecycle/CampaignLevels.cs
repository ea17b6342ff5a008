using Chamber.Campaigns.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>A campaign at or below another: the federation running it and where it stands (both null for the campaign asked about).</summary>
public sealed record CampaignLevel(string Id, string? FederationId, CampaignStatus? Status);

/// <summary>
/// A campaign and the campaigns opened below it for its federations (市 → 区 → 街道,
/// <see cref="Cascade.CascadeCampaign"/>): the levels the city's tree counts, whose reviews its list
/// of honours draws on, and whose chambers read its notices. A year holds tens of such campaigns,
/// so they are read in one query and walked in memory.
/// </summary>
public static class CampaignLevels
{
    /// <summary>The campaign first, then every campaign below it, level by level.</summary>
    public static async Task<IReadOnlyList<CampaignLevel>> AtAndBelowAsync(CampaignDbContext db, string campaignId, CancellationToken cancellationToken)
    {
        var opened = (await OpenedForFederationsAsync(db, cancellationToken)).ToLookup(c => c.Parent, StringComparer.Ordinal);
        List<CampaignLevel> levels = [new(campaignId, null, null)];
        var seen = new HashSet<string>(StringComparer.Ordinal) { campaignId };
        for (var next = 0; next < levels.Count; next++)
        {
            foreach (var child in opened[levels[next].Id].Where(c => seen.Add(c.Id)))
                levels.Add(new CampaignLevel(child.Id, child.FederationId, child.Status));
        }

        return levels;
    }

    /// <summary>The ids of <see cref="AtAndBelowAsync"/>: the campaigns whose participants a query takes in.</summary>
    public static async Task<List<string>> IdsAtAndBelowAsync(CampaignDbContext db, string campaignId, CancellationToken cancellationToken) =>
        [.. (await AtAndBelowAsync(db, campaignId, cancellationToken)).Select(l => l.Id)];

    /// <summary>The campaigns a chamber takes part in, and every campaign above those (the district's city's).</summary>
    public static async Task<IReadOnlyList<string>> ReachingAsync(CampaignDbContext db, string chamberId, CancellationToken cancellationToken)
    {
        var own = await db.CampaignParticipants.AsNoTracking().Where(p => p.ChamberId == chamberId).Select(p => p.CampaignId).ToListAsync(cancellationToken);
        var parents = (await OpenedForFederationsAsync(db, cancellationToken)).ToDictionary(c => c.Id, c => c.Parent, StringComparer.Ordinal);
        var reached = new HashSet<string>(own, StringComparer.Ordinal);
        foreach (var campaignId in own)
        {
            var above = parents.GetValueOrDefault(campaignId);
            while (above is not null && reached.Add(above))
                above = parents.GetValueOrDefault(above);
        }

        return [.. reached];
    }

    private sealed record Opened(string Id, string Parent, string? FederationId, CampaignStatus Status);

    /// <summary>Every campaign opened by another.</summary>
    private static async Task<List<Opened>> OpenedForFederationsAsync(CampaignDbContext db, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().Where(c => c.ParentCampaignId != null)
            .Select(c => new Opened(c.Id, c.ParentCampaignId!, c.FederationId, c.Status)).ToListAsync(cancellationToken);
}
