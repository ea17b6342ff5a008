using Chamber.Campaigns.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// A campaign and the campaigns opened below it for its federations (市 → 区 → 街道,
/// <see cref="Cascade.CascadeCampaign"/>): the levels whose reviews a city's list of honours draws
/// on, and whose chambers read the city's notices. A year holds tens of such campaigns, so they are
/// read whole and walked in memory.
/// </summary>
public static class CampaignLevels
{
    /// <summary>The campaign and every campaign below it, each with the federation running it (null for the campaign itself).</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> AtAndBelowAsync(CampaignDbContext db, string campaignId, CancellationToken cancellationToken)
    {
        var opened = await db.Campaigns.AsNoTracking().Where(c => c.ParentCampaignId != null)
            .Select(c => new { c.Id, Parent = c.ParentCampaignId!, c.FederationId }).ToListAsync(cancellationToken);
        var children = opened.ToLookup(c => c.Parent, StringComparer.Ordinal);
        var levels = new Dictionary<string, string?>(StringComparer.Ordinal) { [campaignId] = null };
        var next = new Queue<string>([campaignId]);
        while (next.TryDequeue(out var id))
        {
            foreach (var child in children[id])
            {
                if (levels.TryAdd(child.Id, child.FederationId))
                    next.Enqueue(child.Id);
            }
        }

        return levels;
    }

    /// <summary>The campaigns a chamber takes part in, and every campaign above those (the district's city's).</summary>
    public static async Task<IReadOnlyList<string>> ReachingAsync(CampaignDbContext db, string chamberId, CancellationToken cancellationToken)
    {
        var own = await db.CampaignParticipants.AsNoTracking().Where(p => p.ChamberId == chamberId).Select(p => p.CampaignId).ToListAsync(cancellationToken);
        var parents = await db.Campaigns.AsNoTracking().Where(c => c.ParentCampaignId != null).Select(c => new { c.Id, Parent = c.ParentCampaignId! })
            .ToDictionaryAsync(c => c.Id, c => c.Parent, StringComparer.Ordinal, cancellationToken);
        var reached = new HashSet<string>(own, StringComparer.Ordinal);
        foreach (var campaignId in own)
        {
            var above = parents.GetValueOrDefault(campaignId);
            while (above is not null && reached.Add(above))
                above = parents.GetValueOrDefault(above);
        }

        return [.. reached];
    }
}
