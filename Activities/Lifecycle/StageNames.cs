using Chamber.Workflows.Activities.Flow;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// The stages of a campaign (activities of its own and its participants' workflows): their names as
/// the designer shows them, and how far into the flow each one comes, so lists read plan, summary,
/// review, rectification rather than by whichever deadline falls first.
/// </summary>
internal sealed class StageNames
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    /// <summary>The stage's name in the reader's language (the request's, when the names were added).</summary>
    /// <summary>The stages of a campaign: the activities of its template and of its participants' workflows (the chambers', then the federations'), as published.</summary>
    public static async Task<StageNames> OfAsync(CampaignRecord campaign, DefinitionService definitions, CancellationToken cancellationToken)
    {
        var names = new StageNames();
        foreach (var definitionId in new[] { campaign.TemplateId, campaign.ParticipantWorkflow, campaign.FederationWorkflow })
        {
            if (definitionId is not null && await definitions.GetPublishedAsync(definitionId, cancellationToken) is { } graph)
                names.Add(graph);
        }

        return names;
    }

    public string? GetValueOrDefault(string activityId) => _names.GetValueOrDefault(activityId);

    /// <summary>How far into its workflow the flow reaches the activity; unknown or unreachable ones last.</summary>
    public int OrderOf(string activityId) => _order.GetValueOrDefault(activityId, int.MaxValue);

    public void Add(WorkflowGraph graph)
    {
        foreach (var activity in graph.Activities.Values)
            _names.TryAdd(activity.Id, activity.LocalizedName());
        if (graph.Definition.Root is not Flowchart flowchart)
            return;

        // How many steps from where the flowchart starts (no inbound connection) the flow first reaches each
        // activity: stages on parallel branches share a depth (and are then ordered by their deadlines).
        var targets = flowchart.Connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Id, int Depth)>(flowchart.Activities.Where(a => !targets.Contains(a.Id)).Select(a => (a.Id, 0)));
        while (queue.Count > 0)
        {
            var (id, depth) = queue.Dequeue();
            if (!depths.TryAdd(id, depth))
                continue;
            foreach (var connection in flowchart.Connections.Where(c => c.Source == id))
                queue.Enqueue((connection.Target, depth + 1));
        }

        // Both workflows have a "start": the first one added keeps its place.
        foreach (var (id, depth) in depths)
            _order.TryAdd(id, depth);
    }
}
