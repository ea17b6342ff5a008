using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// A federation of the directory as the upper level reads a campaign: its participants — under it
/// at any depth — who still owes something and who is late, the outcomes and the mean score; the
/// federations under it; and how many participants stand directly under it (the drill-down).
/// </summary>
/// <param name="Direct">The campaign's own participants directly under it (a district's chambers in its own campaign are counted, not listed here).</param>
/// <param name="Campaign">The federation's own campaign for this one (its units run there), when it has one: the drill-down into it.</param>
public sealed record FederationProgress(string Id, string Name, ChamberType? Type, int Participants, int Direct, int Waiting, int Overdue, int Commended,
    int Passed, int Rectifying, int NotPassed, double? AverageScore, IReadOnlyList<FederationProgress> Children, FederationCampaign? Campaign = null);

/// <summary>A federation's own campaign for an upper one: where to open it, and how far it got (a draft its staff have yet to launch).</summary>
public sealed record FederationCampaign(string Id, CampaignStatus Status);

/// <summary>The campaign by the directory's hierarchy, and how many participants stand under no federation.</summary>
public sealed record CampaignTreeView(IReadOnlyList<FederationProgress> Federations, int Unplaced);

/// <summary>A participant's facts for the tree.</summary>
/// <param name="Own">A participant of the campaign read, not of a federation's campaign under it: only those open under a federation's row.</param>
public sealed record TreeParticipant(string ChamberId, string? Outcome, double? Score, bool Waiting, bool Overdue, bool Own = true);

/// <summary>A unit of the directory: its name, type and the federation it stands under.</summary>
public sealed record TreeUnit(string Name, ChamberType? Type, string? ParentId);

/// <summary>
/// The campaign by the directory's hierarchy (issue 18: "the upper level sees the whole tree (per
/// district: counts, overdue, scores) and can drill down"): each participant counts for every
/// federation above it, 市 → 区县 → 街道.
/// </summary>
public sealed class CampaignTree(IDbContextFactory<CampaignDbContext> campaigns, Tasks.TaskIndex tasks, TimeProvider clock)
{
    private const int MaxDepth = ChamberTypes.MaxDepth;

    /// <summary>
    /// The campaign with the federations' campaigns for it (district → street, at any depth): each
    /// federation's units are counted from its own campaign, under it.
    /// </summary>
    public async Task<CampaignTreeView> ReadAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var levels = await CampaignLevels.AtAndBelowAsync(db, campaignId, cancellationToken);
        var federationCampaigns = new Dictionary<string, FederationCampaign>(StringComparer.Ordinal);
        foreach (var level in levels.Where(l => l.FederationId is not null))
            federationCampaigns[level.FederationId!] = new FederationCampaign(level.Id, level.Status!.Value);
        List<string> tree = [.. levels.Select(l => l.Id)];

        var rows = await db.CampaignParticipants.AsNoTracking().Where(p => tree.Contains(p.CampaignId))
            .Select(p => new { p.ChamberId, p.Outcome, p.Score, Own = p.CampaignId == campaignId }).ToListAsync(cancellationToken);
        // Every unit's place: the chain above a participant runs through units that take no part.
        var units = await db.Chambers.AsNoTracking().Select(c => new { c.Id, c.Name, c.Type, c.ParentId })
            .ToDictionaryAsync(c => c.Id, c => new TreeUnit(c.Name, c.Type, c.ParentId), StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        var deadlines = new List<(string ChamberId, DateTimeOffset? DueAt)>();
        foreach (var id in tree)
            deadlines.AddRange(await tasks.ChamberDeadlinesAsync(id, cancellationToken));
        var owing = deadlines.GroupBy(d => d.ChamberId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(d => d.DueAt ?? DateTimeOffset.MaxValue) < now, StringComparer.Ordinal);
        return Build(units, [.. rows.Select(r => new TreeParticipant(r.ChamberId, r.Outcome, r.Score, owing.ContainsKey(r.ChamberId),
            owing.GetValueOrDefault(r.ChamberId), r.Own))], federationCampaigns);
    }

    /// <summary>Sums each participant into every federation above it and hangs the federations touched into their tree, by name.</summary>
    public static CampaignTreeView Build(IReadOnlyDictionary<string, TreeUnit> units, IReadOnlyList<TreeParticipant> participants,
        IReadOnlyDictionary<string, FederationCampaign>? federationCampaigns = null)
    {
        var sums = new Dictionary<string, Sum>(StringComparer.Ordinal);
        var unplaced = 0;
        foreach (var participant in participants)
        {
            var parent = units.GetValueOrDefault(participant.ChamberId)?.ParentId;
            if (parent is null || !units.ContainsKey(parent))
            {
                unplaced++;
                continue;
            }

            // The chain above it; one that runs in a circle (which the directory refuses to store) places it nowhere.
            var chain = new List<string>();
            var circle = false;
            for (var at = parent; at is not null && units.ContainsKey(at); at = units[at].ParentId)
            {
                if (chain.Contains(at) || at == participant.ChamberId || chain.Count >= MaxDepth)
                {
                    circle = true;
                    break;
                }

                chain.Add(at);
            }

            if (circle)
            {
                unplaced++;
                continue;
            }

            for (var depth = 0; depth < chain.Count; depth++)
            {
                if (!sums.TryGetValue(chain[depth], out var sum))
                    sums[chain[depth]] = sum = new Sum();
                sum.Add(participant, direct: depth == 0 && participant.Own);
            }
        }

        var childrenOf = sums.Keys.Where(id => units[id].ParentId is { } up && sums.ContainsKey(up))
            .ToLookup(id => units[id].ParentId!, StringComparer.Ordinal);
        FederationProgress Node(string id, int depth)
        {
            var sum = sums[id];
            var unit = units[id];
            return new FederationProgress(id, unit.Name, unit.Type, sum.Participants, sum.Direct, sum.Waiting, sum.Overdue, sum.Commended, sum.Passed,
                sum.Rectifying, sum.NotPassed, sum.Scored > 0 ? Math.Round(sum.ScoreTotal / sum.Scored, 1, MidpointRounding.AwayFromZero) : null,
                depth >= MaxDepth ? [] : [.. childrenOf[id].Select(child => Node(child, depth + 1)).OrderBy(n => n.Name, StringComparer.Ordinal)],
                federationCampaigns?.GetValueOrDefault(id));
        }

        var roots = sums.Keys.Where(id => units[id].ParentId is not { } up || !sums.ContainsKey(up));
        return new CampaignTreeView([.. roots.Select(id => Node(id, 0)).OrderBy(n => n.Name, StringComparer.Ordinal)], unplaced);
    }

    private sealed class Sum
    {
        public int Participants, Direct, Waiting, Overdue, Commended, Passed, Rectifying, NotPassed, Scored;
        public double ScoreTotal;

        public void Add(TreeParticipant p, bool direct)
        {
            Participants++;
            if (direct)
                Direct++;
            if (p.Waiting)
            {
                if (p.Overdue)
                    Overdue++;
                else
                    Waiting++;
            }

            switch (p.Outcome)
            {
                case CampaignProgress.Outcomes.Commended: Commended++; break;
                case CampaignProgress.Outcomes.Passed: Passed++; break;
                case CampaignProgress.Outcomes.Rectifying: Rectifying++; break;
                case CampaignProgress.Outcomes.NotPassed or CampaignProgress.Outcomes.NotParticipated: NotPassed++; break;
            }

            if (p.Score is { } score)
            {
                Scored++;
                ScoreTotal += score;
            }
        }
    }
}
