using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// The stage a campaign's <see cref="ForEachParticipant"/> waits for: the chambers' stage and, when
/// the federations among the participants run a workflow of their own, theirs (e.g. chambers
/// reviewed, districts' summaries accepted).
/// </summary>
public sealed record AwaitedStage(string Stage, string? FederationStage = null)
{
    /// <summary>How many of the campaign's participants have reached it.</summary>
    public Task<int> CountReachedAsync(CampaignDbContext db, string campaignId, CancellationToken cancellationToken) =>
        FederationStage is null
            // One row per participant and stage: a count of rows is a count of participants, and cheap at 50,000.
            ? db.CampaignStages.CountAsync(s => s.CampaignId == campaignId && s.Stage == Stage, cancellationToken)
            : Reached(db, campaignId).CountAsync(cancellationToken);

    /// <summary>The campaign's participants that have not reached it.</summary>
    public IQueryable<CampaignParticipantRecord> Unreached(CampaignDbContext db, string campaignId)
    {
        var reached = Reached(db, campaignId).Select(p => p.ChamberId);
        return db.CampaignParticipants.Where(p => p.CampaignId == campaignId && !reached.Contains(p.ChamberId));
    }

    private IQueryable<CampaignParticipantRecord> Reached(CampaignDbContext db, string campaignId)
    {
        var federationStage = FederationStage ?? Stage;
        return db.CampaignParticipants.Where(p => p.CampaignId == campaignId && db.CampaignStages.Any(s => s.CampaignId == campaignId && s.ChamberId == p.ChamberId
            && s.Stage == (db.Chambers.Any(c => c.Id == p.ChamberId && ChamberTypes.Federations.Contains(c.Type))
                ? federationStage : Stage)));
    }
}
