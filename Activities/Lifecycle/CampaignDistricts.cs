using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// One district's part of a campaign, as the city federation follows it (001: "市、区工商联要……对照细则，
/// 对所属商会进行认真督查考核"): how many take part, how many still owe something and how many are
/// late, how the review came out, and the mean score.
/// </summary>
/// <param name="District">As the directory names it; null for participants without one.</param>
/// <param name="Waiting">Participants with something to hand in, not yet due.</param>
/// <param name="Overdue">Participants with something to hand in past its deadline.</param>
public sealed record DistrictProgress(string? District, int Participants, int Waiting, int Overdue, int Commended, int Passed, int Rectifying, int NotPassed,
    double? AverageScore, int Demonstrations);

/// <summary>The campaign by district: the upper level's view, each row opening that district's participants.</summary>
public sealed class CampaignDistricts(IDbContextFactory<CampaignDbContext> campaigns, TaskIndex tasks, TimeProvider clock)
{
    public async Task<IReadOnlyList<DistrictProgress>> ListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var participants = db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaignId)
            .Join(db.Chambers.AsNoTracking(), p => p.ChamberId, c => c.Id, (p, c) => new { p.ChamberId, c.District, p.Outcome, p.Score, p.DemonstrationAt });
        var groups = await participants.GroupBy(p => p.District).Select(g => new
        {
            District = g.Key,
            Participants = g.Count(),
            Commended = g.Count(p => p.Outcome == CampaignProgress.Outcomes.Commended),
            Passed = g.Count(p => p.Outcome == CampaignProgress.Outcomes.Passed),
            Rectifying = g.Count(p => p.Outcome == CampaignProgress.Outcomes.Rectifying),
            NotPassed = g.Count(p => p.Outcome == CampaignProgress.Outcomes.NotPassed || p.Outcome == CampaignProgress.Outcomes.NotParticipated),
            AverageScore = g.Average(p => p.Score),
            Demonstrations = g.Count(p => p.DemonstrationAt != null),
        }).ToListAsync(cancellationToken);

        // Who owes what: each participant counts once, by its earliest deadline.
        var districtOf = (await participants.Select(p => new { p.ChamberId, p.District }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.ChamberId, p => p.District ?? "", StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var owing = (await tasks.ChamberDeadlinesAsync(campaignId, cancellationToken))
            .Where(d => districtOf.ContainsKey(d.ChamberId))
            .GroupBy(d => d.ChamberId, StringComparer.Ordinal)
            .Select(g => (District: districtOf[g.Key], Overdue: g.Min(d => d.DueAt ?? DateTimeOffset.MaxValue) < now))
            .ToLookup(o => o.District, StringComparer.Ordinal);

        return [.. groups.Select(g => new DistrictProgress(g.District, g.Participants, owing[g.District ?? ""].Count(o => !o.Overdue),
                owing[g.District ?? ""].Count(o => o.Overdue), g.Commended, g.Passed, g.Rectifying, g.NotPassed,
                g.AverageScore is { } mean ? Math.Round(mean, 1) : null, g.Demonstrations))
            .OrderBy(d => d.District is null).ThenBy(d => d.District, StringComparer.Ordinal)];
    }
}
