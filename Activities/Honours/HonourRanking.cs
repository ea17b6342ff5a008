namespace Chamber.Campaigns.Honours;

/// <summary>A unit that passed the review, to be ranked.</summary>
public sealed record HonourCandidate(string ChamberId, string Name, double Score);

/// <summary>A ranked unit: its rank (ties share one), its tier, and whether the list names it.</summary>
public sealed record RankedUnit(string ChamberId, int Rank, double Score, string? Tier, bool Included);

/// <summary>How the 拟表彰名单 is first drawn up from the scores; staff and leaders change it from there.</summary>
public static class HonourRanking
{
    /// <summary>
    /// Ranks by score (ties share a rank, 1, 2, 2, 4; among equals, by name) and fills the tiers in
    /// order, each from those with its minimum score up to its count, until the quota is reached.
    /// No tiers: one list, up to the quota. A unit that fits no tier with room is left off.
    /// </summary>
    public static IReadOnlyList<RankedUnit> Rank(IReadOnlyList<HonourCandidate> passed, IReadOnlyList<HonourTier> tiers, int? quota)
    {
        var ordered = passed.OrderByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var filled = new int[tiers.Count];
        var included = 0;
        var rank = 0;
        var ranked = new List<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var candidate = ordered[i];
            rank = i > 0 && ordered[i - 1].Score == candidate.Score ? rank : i + 1;
            string? tier = null;
            var on = quota is not { } max || included < max;
            if (on && tiers.Count > 0)
            {
                var index = Enumerable.Range(0, tiers.Count).FirstOrDefault(t => Fits(tiers[t], candidate.Score, filled[t]), -1);
                on = index >= 0;
                if (on)
                {
                    filled[index]++;
                    tier = tiers[index].Name;
                }
            }

            if (on)
                included++;
            ranked.Add(new RankedUnit(candidate.ChamberId, rank, candidate.Score, tier, on));
        }

        return ranked;
    }

    private static bool Fits(HonourTier tier, double score, int filled) =>
        (tier.MinScore is not { } min || score >= (double)min) && (tier.Count is not { } count || filled < count);
}
