using System.Collections.Concurrent;
using Chamber.Campaigns.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.LiveUpdates;

/// <summary>
/// Whose campaign a change belongs to, for the live streams of federations' accounts: a campaign's
/// federation is set when it is created and never changes, so each is read once and kept.
/// </summary>
public sealed class CampaignOwners(IDbContextFactory<CampaignDbContext> campaigns)
{
    private readonly ConcurrentDictionary<string, string> _federations = new(StringComparer.Ordinal);

    /// <summary>The federation whose campaign this is; null for the top level's, or when it is no campaign (a hand-started instance's correlation).</summary>
    public async ValueTask<string?> FederationOfAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (_federations.TryGetValue(campaignId, out var known))
            return known.Length == 0 ? null : known;
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.FederationId }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
            return null; // not (yet) a campaign: asked again next time
        _federations[campaignId] = campaign.FederationId ?? "";
        return campaign.FederationId;
    }
}
