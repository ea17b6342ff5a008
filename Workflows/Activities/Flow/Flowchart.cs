using System.Collections.Frozen;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Flow;

/// <summary>A connection from an outcome port of one activity to another activity's <c>In</c> port.</summary>
public sealed record Connection(string Source, string SourcePort, string Target, string TargetPort = "In")
{
    /// <summary>Fields such as designer vertices, kept for export.</summary>
    public System.Text.Json.Nodes.JsonObject? UnknownFields { get; init; }
}

/// <summary>
/// Elsa's flowchart: activities connected by outcomes. When a child completes, every connection
/// leaving one of its outcome ports schedules its target; a FlowJoin waits for its inbound
/// branches. The flowchart completes when nothing in it is scheduled or running.
/// </summary>
[Activity("Elsa.Flowchart", "Flow", "A graph of activities connected by their outcomes.", DisplayName = "Flowchart")]
public sealed class Flowchart : Activity, IVariableContainer
{
    private FlowGraph? _graph;
    private ActivityCompletionCallback? _onChildCompleted; // one delegate, so its method name is looked up once

    public List<Activity> Activities { get; } = [];

    public List<Connection> Connections { get; } = [];

    /// <summary>Elsa's legacy <c>start</c> field: the id of the activity to begin with.</summary>
    public string? Start { get; set; }

    public List<VariableDefinition> Variables { get; } = [];

    public override IEnumerable<Activity> GetChildren() => Activities;

    internal FlowGraph Graph => _graph ??= new FlowGraph(this);

    private ActivityCompletionCallback OnChildCompleted => _onChildCompleted ??= OnChildCompletedAsync;

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var starts = Graph.StartActivities;
        if (starts.Count == 0)
            return context.CompleteActivityAsync();
        foreach (var start in starts)
            context.ScheduleActivity(start, OnChildCompleted);
        return ValueTask.CompletedTask;
    }

    private async ValueTask OnChildCompletedAsync(ActivityCompletedContext completed)
    {
        var context = completed.TargetContext;
        foreach (var connection in Graph.OutboundOf(completed.ChildContext.Activity.Id))
        {
            if (!completed.Outcomes.Contains(connection.SourcePort) || !Graph.ById.TryGetValue(connection.Target, out var target))
                continue;
            if (target is FlowJoin join)
                await ArriveAtJoinAsync(context, join, connection);
            else
                context.ScheduleActivity(target, OnChildCompleted);
        }

        if (context.PendingChildren == 0 && context.Status == ActivityStatus.Running)
            await context.CompleteActivityAsync();
    }

    private async ValueTask ArriveAtJoinAsync(ActivityExecutionContext context, FlowJoin join, Connection connection)
    {
        var mode = join.Mode is null ? FlowJoinMode.WaitAll : await context.EvaluateAsync(join.Mode);
        if (mode == FlowJoinMode.WaitAny)
        {
            // First arrival wins: stop the other branches that were still on their way here.
            var upstream = Graph.UpstreamOf(join.Id);
            foreach (var child in context.Children.Where(c => upstream.Contains(c.Activity.Id)).ToList())
                context.CancelChild(child);
            context.PendingChildren -= context.WorkflowExecutionContext.Unschedule(context.Id, item => upstream.Contains(item.ActivityId));
            // Two branches arriving in the same step (a fork straight into the join) fire it once.
            if (!context.WorkflowExecutionContext.Queue.Any(i => i.Kind == WorkItemKind.Execute && i.ActivityId == join.Id && i.OwnerContextId == context.Id))
                context.ScheduleActivity(join, OnChildCompleted);
            return;
        }

        var key = "join:" + join.Id;
        var arrived = context.GetProperty<List<string>>(key) ?? [];
        var arrival = connection.Source + ":" + connection.SourcePort;
        if (!arrived.Contains(arrival))
            arrived.Add(arrival);
        if (Graph.InboundOf(join.Id).All(c => arrived.Contains(c.Source + ":" + c.SourcePort)))
        {
            context.Properties.Remove(key);
            context.ScheduleActivity(join, OnChildCompleted);
        }
        else
        {
            context.SetProperty(key, arrived);
        }
    }

    /// <summary>Indexes of the flowchart computed once: by id, edges both ways, start set, join ancestry.</summary>
    internal sealed class FlowGraph
    {
        private readonly FrozenDictionary<string, Connection[]> _outbound;
        private readonly FrozenDictionary<string, Connection[]> _inbound;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FrozenSet<string>> _upstream = new();

        public FlowGraph(Flowchart flowchart)
        {
            ById = flowchart.Activities.Where(a => !string.IsNullOrEmpty(a.Id)).DistinctBy(a => a.Id).ToFrozenDictionary(a => a.Id);
            _outbound = flowchart.Connections.GroupBy(c => c.Source).ToFrozenDictionary(g => g.Key, g => g.ToArray());
            _inbound = flowchart.Connections.GroupBy(c => c.Target).ToFrozenDictionary(g => g.Key, g => g.ToArray());
            StartActivities = FindStarts(flowchart);
        }

        public FrozenDictionary<string, Activity> ById { get; }

        public IReadOnlyList<Activity> StartActivities { get; }

        public Connection[] OutboundOf(string id) => _outbound.GetValueOrDefault(id, []);

        public Connection[] InboundOf(string id) => _inbound.GetValueOrDefault(id, []);

        /// <summary>Every activity from which <paramref name="id"/> can be reached.</summary>
        public FrozenSet<string> UpstreamOf(string id) => _upstream.GetOrAdd(id, target =>
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>([target]);
            while (pending.TryPop(out var current))
            {
                foreach (var connection in InboundOf(current))
                {
                    if (connection.Source != target && seen.Add(connection.Source))
                        pending.Push(connection.Source);
                }
            }

            return seen.ToFrozenSet();
        });

        // DESIGN §4: an Elsa.Start activity, else the legacy `start` field, else every activity
        // without an inbound connection (Elsa's rule); a flowchart that is all cycle starts at its first activity.
        private List<Activity> FindStarts(Flowchart flowchart)
        {
            if (flowchart.Activities.FirstOrDefault(a => a.Type == "Elsa.Start") is { } start)
                return [start];
            if (flowchart.Start is { } startId && ById.TryGetValue(startId, out var explicitStart))
                return [explicitStart];
            var roots = flowchart.Activities.Where(a => !_inbound.ContainsKey(a.Id)).ToList();
            return roots.Count > 0 ? roots : [.. flowchart.Activities.Take(1)];
        }
    }
}
