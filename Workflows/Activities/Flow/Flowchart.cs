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
/// Elsa's flowchart, run the way Elsa's token-based flowchart runs it: a child that completes puts a
/// token on every connection leaving one of its outcome ports and consumes the tokens that brought
/// it; a target with several inbound connections is scheduled according to its merge mode
/// (<see cref="MergeMode"/>; a FlowJoin's WaitAny races, its other modes merge). The flowchart
/// completes when nothing in it is scheduled or running.
/// </summary>
[Activity("Elsa.Flowchart", "Flow", "A graph of activities connected by their outcomes.", DisplayName = "Flowchart")]
public sealed class Flowchart : Activity, IVariableContainer
{
    private const string TokensProperty = "tokens";
    private const string LegacyJoinPrefix = "join:"; // arrivals at a WaitAll join, as instances saved before tokens recorded them

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
        var activityId = completed.ChildContext.Activity.Id;
        if (!Graph.HasMerges)
        {
            // Nothing has two ways in, so every merge mode schedules on arrival: no tokens to keep.
            foreach (var connection in Graph.OutboundOf(activityId))
            {
                if (completed.Outcomes.Contains(connection.SourcePort) && Graph.ById.TryGetValue(connection.Target, out var target))
                    context.ScheduleActivity(target, OnChildCompleted);
            }
        }
        else
        {
            var taken = Graph.OutboundOf(activityId).Where(c => completed.Outcomes.Contains(c.SourcePort) && Graph.ById.ContainsKey(c.Target)).Distinct().ToList();
            var tokens = TokensOf(context);
            foreach (var connection in taken)
                tokens.Add(FlowToken.On(connection));
            foreach (var token in tokens.Where(t => t.To == activityId && t.IsLive))
                token.Consumed = true;
            foreach (var connection in taken)
                await ArriveAsync(context, tokens, connection);
            tokens.RemoveAll(t => t.To == activityId && t.Consumed);
        }

        if (context.PendingChildren == 0 && context.Status == ActivityStatus.Running)
        {
            context.Properties.Remove(TokensProperty);
            await context.CompleteActivityAsync();
        }
    }

    private async ValueTask ArriveAsync(ActivityExecutionContext context, List<FlowToken> tokens, Connection connection)
    {
        var target = Graph.ById[connection.Target];
        var mode = await MergeModeOfAsync(context, target);
        switch (mode)
        {
            case MergeMode.Race:
            case MergeMode.Cascade:
                if (mode == MergeMode.Race)
                    CancelBranchesOnTheirWay(context, tokens, target.Id);
                if (tokens.FirstOrDefault(t => t.Blocked && !t.Consumed && t.IsOn(connection)) is { } block)
                {
                    block.Consumed = true; // the target already ran for an earlier arrival
                    return;
                }

                ScheduleOnce(context, target);
                foreach (var other in Graph.ForwardInboundOf(target.Id).Where(c => c.Source != connection.Source))
                    tokens.Add(FlowToken.On(other, blocked: true));
                return;

            case MergeMode.Merge:
                ScheduleWhenAllArrived(context, tokens, target, Graph.ForwardInboundOf(target.Id));
                return;

            case MergeMode.Converge:
                ScheduleWhenAllArrived(context, tokens, target, Graph.InboundOf(target.Id));
                return;

            default:
                // Stream: wait while a token is still on its way to one of the target's forward sources.
                var sources = Graph.ForwardInboundOf(target.Id).Select(c => c.Source).ToHashSet();
                if (!tokens.Any(t => t.IsLive && sources.Contains(t.To)))
                    context.ScheduleActivity(target, OnChildCompleted);
                return;
        }
    }

    private async ValueTask<MergeMode> MergeModeOfAsync(ActivityExecutionContext context, Activity target)
    {
        if (target is not FlowJoin join)
            return Graph.MergeModeOf(target);
        var mode = join.Mode is null ? FlowJoinMode.WaitAll : await context.EvaluateAsync(join.Mode);
        return mode == FlowJoinMode.WaitAny ? MergeMode.Race : MergeMode.Merge;
    }

    private void ScheduleWhenAllArrived(ActivityExecutionContext context, List<FlowToken> tokens, Activity target, Connection[] inbound)
    {
        if (inbound.Length <= 1 || inbound.All(c => tokens.Any(t => t.IsLive && t.IsOn(c))))
            context.ScheduleActivity(target, OnChildCompleted);
    }

    // Two arrivals in one step (a fork straight into a racing join) run the target once.
    private void ScheduleOnce(ActivityExecutionContext context, Activity target)
    {
        if (!context.WorkflowExecutionContext.Queue.Any(i => i.Kind == WorkItemKind.Execute && i.ActivityId == target.Id && i.OwnerContextId == context.Id))
            context.ScheduleActivity(target, OnChildCompleted);
    }

    // First arrival wins: stop the branches still on their way to the target, and forget their tokens.
    private void CancelBranchesOnTheirWay(ActivityExecutionContext context, List<FlowToken> tokens, string targetId)
    {
        var upstream = Graph.UpstreamOf(targetId);
        foreach (var child in context.Children.Where(c => upstream.Contains(c.Activity.Id)).ToList())
        {
            context.CancelChild(child);
            tokens.RemoveAll(t => t.From == child.Activity.Id || t.To == child.Activity.Id);
        }

        context.PendingChildren -= context.WorkflowExecutionContext.Unschedule(context.Id, item => upstream.Contains(item.ActivityId));
    }

    private static List<FlowToken> TokensOf(ActivityExecutionContext context)
    {
        if (context.GetProperty<List<FlowToken>>(TokensProperty) is { } tokens)
            return tokens;
        tokens = [];
        foreach (var (key, _) in context.Properties.Where(p => p.Key.StartsWith(LegacyJoinPrefix, StringComparison.Ordinal)).ToList())
        {
            var joinId = key[LegacyJoinPrefix.Length..];
            foreach (var arrival in context.GetProperty<List<string>>(key) ?? [])
            {
                var separator = arrival.LastIndexOf(':');
                tokens.Add(new FlowToken { From = arrival[..separator], Outcome = arrival[(separator + 1)..], To = joinId });
            }

            context.Properties.Remove(key);
        }

        context.SetProperty(TokensProperty, tokens);
        return tokens;
    }

    /// <summary>
    /// Indexes of the flowchart computed once: by id, edges both ways, the forward edges (those
    /// that do not close a loop, found breadth-first from the starts as Elsa does), start set,
    /// merge modes and ancestry.
    /// </summary>
    internal sealed class FlowGraph
    {
        private readonly FrozenDictionary<string, Connection[]> _outbound;
        private readonly FrozenDictionary<string, Connection[]> _inbound;
        private readonly FrozenDictionary<string, Connection[]> _forwardInbound;
        private readonly FrozenDictionary<string, MergeMode> _mergeModes;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FrozenSet<string>> _upstream = new();

        public FlowGraph(Flowchart flowchart)
        {
            ById = flowchart.Activities.Where(a => !string.IsNullOrEmpty(a.Id)).DistinctBy(a => a.Id).ToFrozenDictionary(a => a.Id);
            _outbound = flowchart.Connections.GroupBy(c => c.Source).ToFrozenDictionary(g => g.Key, g => g.ToArray());
            _inbound = flowchart.Connections.GroupBy(c => c.Target).ToFrozenDictionary(g => g.Key, g => g.ToArray());
            StartActivities = FindStarts(flowchart);
            _forwardInbound = FindForwardConnections().GroupBy(c => c.Target).ToFrozenDictionary(g => g.Key, g => g.ToArray());
            _mergeModes = ById.Values.Select(a => (a.Id, Mode: ReadMergeMode(a))).Where(m => m.Mode is not null)
                .ToFrozenDictionary(m => m.Id, m => m.Mode!.Value);
            HasMerges = _inbound.Values.Any(c => c.Length > 1);
        }

        public FrozenDictionary<string, Activity> ById { get; }

        public IReadOnlyList<Activity> StartActivities { get; }

        /// <summary>Whether some activity has more than one inbound connection; if none has, no merge mode can hold anything back.</summary>
        public bool HasMerges { get; }

        public Connection[] OutboundOf(string id) => _outbound.GetValueOrDefault(id, []);

        public Connection[] InboundOf(string id) => _inbound.GetValueOrDefault(id, []);

        public Connection[] ForwardInboundOf(string id) => _forwardInbound.GetValueOrDefault(id, []);

        public MergeMode MergeModeOf(Activity activity) => _mergeModes.GetValueOrDefault(activity.Id, MergeMode.Stream);

        /// <summary>Every activity from which <paramref name="id"/> can be reached along forward connections.</summary>
        public FrozenSet<string> UpstreamOf(string id) => _upstream.GetOrAdd(id, target =>
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>([target]);
            while (pending.TryPop(out var current))
            {
                foreach (var connection in ForwardInboundOf(current))
                {
                    if (connection.Source != target && seen.Add(connection.Source))
                        pending.Push(connection.Source);
                }
            }

            return seen.ToFrozenSet();
        });

        /// <summary>Elsa's <c>customProperties.mergeMode</c> (a name, any case); None or anything else is the default.</summary>
        public static MergeMode? ReadMergeMode(Activity activity) =>
            activity.CustomProperties?["mergeMode"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var name)
            && Enum.TryParse<MergeMode>(name, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : null;

        // An edge is forward unless its target already reaches its source along the forward edges
        // found so far: breadth-first from the starts, so the edge that closes a loop is the backward one.
        private List<Connection> FindForwardConnections()
        {
            var forwardTargets = new Dictionary<string, HashSet<string>>();
            var forward = new List<Connection>();
            var visited = new HashSet<string>();
            var queue = new Queue<string>(StartActivities.Select(a => a.Id));
            while (queue.TryDequeue(out var source))
            {
                if (!visited.Add(source))
                    continue;
                foreach (var connection in OutboundOf(source))
                {
                    if (connection.Target == source || Reaches(forwardTargets, connection.Target, source))
                        continue;
                    forward.Add(connection);
                    if (!forwardTargets.TryGetValue(source, out var targets))
                        forwardTargets[source] = targets = [];
                    targets.Add(connection.Target);
                    queue.Enqueue(connection.Target);
                }
            }

            return forward;
        }

        private static bool Reaches(Dictionary<string, HashSet<string>> edges, string from, string to)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>([from]);
            while (pending.TryPop(out var current))
            {
                if (current == to)
                    return true;
                if (seen.Add(current) && edges.TryGetValue(current, out var next))
                    foreach (var target in next)
                        pending.Push(target);
            }

            return false;
        }

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
