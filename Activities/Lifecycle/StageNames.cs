using Chamber.Workflows.Activities.Flow;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// The stages of a campaign (activities of its own and its participants' workflows): their names as
/// the designer shows them, and the order in which the flow reaches them, so lists read plan,
/// summary, review, rectification rather than by whichever deadline falls first.
/// </summary>
internal sealed class StageNames
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    public string? GetValueOrDefault(string activityId) => _names.GetValueOrDefault(activityId);

    /// <summary>Where the flow reaches the activity (campaign workflow first, then the participants'); unknown ones last.</summary>
    public int OrderOf(string activityId) => _order.GetValueOrDefault(activityId, int.MaxValue);

    public void Add(WorkflowGraph graph)
    {
        foreach (var activity in graph.Activities.Values)
            _names.TryAdd(activity.Id, activity.Name ?? activity.Id);
        if (graph.Definition.Root is not Flowchart flowchart)
            return;

        // Breadth first from where the flowchart starts (no inbound connection), then anything unreached in the file's order.
        var targets = flowchart.Connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        var queue = new Queue<string>(flowchart.Activities.Where(a => !targets.Contains(a.Id)).Select(a => a.Id));
        var next = _order.Count;
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!_order.TryAdd(id, next))
                continue;
            next++;
            foreach (var connection in flowchart.Connections.Where(c => c.Source == id))
                queue.Enqueue(connection.Target);
        }

        foreach (var activity in flowchart.Activities)
        {
            if (_order.TryAdd(activity.Id, next))
                next++;
        }
    }
}
