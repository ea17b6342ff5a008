using Chamber.Workflows.Activities;
using Chamber.Workflows.Activities.Children;
using Chamber.Workflows.Activities.Flow;
using Chamber.Workflows.Activities.Primitives;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Definitions;

/// <summary>The definition cannot be stored or run; <see cref="Errors"/> lists every reason found.</summary>
public sealed class DefinitionValidationException(IReadOnlyList<string> errors)
    : Exception(ReaderText.Of("流程定义无效：", "The workflow definition is not valid: ") + JoinErrors(errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    /// <summary>The errors as one text: Chinese ones (written without a full stop) separated by 「；」, English sentences by a space.</summary>
    public static string JoinErrors(IEnumerable<string> errors) => string.Join(ReaderText.Of("；", " "), errors);
}

/// <summary>
/// Checks a definition before it is stored: ids, connections, variables, output bindings,
/// expressions (compiled, so syntax errors surface here) and flowchart loops that could never end.
/// </summary>
public sealed class DefinitionValidator(ExpressionCompilers compilers)
{
    /// <summary>Returns the ready-to-run graph, or throws <see cref="DefinitionValidationException"/>.</summary>
    public WorkflowGraph Validate(WorkflowDefinition definition)
    {
        var errors = new List<string>();
        var graph = WorkflowGraph.Build(definition, compilers, errors);
        foreach (var activity in graph.Activities.Values)
        {
            if (activity is IValidatedActivity validated)
                errors.AddRange(validated.Validate());
            switch (activity)
            {
                case Flowchart flowchart:
                    CheckConnections(flowchart, errors);
                    CheckLoops(flowchart, errors);
                    break;
                case SetVariable setVariable:
                    if (setVariable.Variable is null)
                        errors.Add(ReaderText.Of($"{activity.ChineseLabel}没有指定要设置的变量", $"{activity} has no variable to set."));
                    else if (graph.SlotOf(setVariable.Variable.Id) < 0 && graph.SlotOf(setVariable.Variable.Name) < 0)
                        errors.Add(ReaderText.Of(
                            $"{activity.ChineseLabel}设置的变量“{setVariable.Variable.Name}”未在流程中声明",
                            $"{activity} sets variable '{setVariable.Variable.Name}', which the workflow does not declare."));
                    break;
            }

            foreach (var output in ActivityTypeInfo.Of(activity.GetType()).Outputs)
            {
                if (output.Get(activity)?.VariableId is { } reference && graph.SlotOf(reference) < 0
                    && definition.Outputs.All(o => o.Name != reference))
                    errors.Add(ReaderText.Of(
                        $"{activity.ChineseLabel}的输出“{output.JsonName}”指向“{reference}”，它既不是变量，也不是流程的输出",
                        $"{activity} output '{output.JsonName}' refers to '{reference}', which is neither a variable nor a workflow output."));
            }
        }

        if (errors.Count > 0)
            throw new DefinitionValidationException(errors);
        return graph;
    }

    private static void CheckConnections(Flowchart flowchart, List<string> errors)
    {
        var ids = flowchart.Activities.Select(a => a.Id).ToHashSet();
        foreach (var connection in flowchart.Connections)
        {
            if (!ids.Contains(connection.Source))
                errors.Add(ReaderText.Of(
                    $"{flowchart.ChineseLabel}中有一条连线从环节“{connection.Source}”出发，但该流程图中没有这个环节",
                    $"A connection in {flowchart} starts at activity '{connection.Source}', which is not in that flowchart."));
            if (!ids.Contains(connection.Target))
                errors.Add(ReaderText.Of(
                    $"{flowchart.ChineseLabel}中有一条连线指向环节“{connection.Target}”，但该流程图中没有这个环节",
                    $"A connection in {flowchart} leads to activity '{connection.Target}', which is not in that flowchart."));
            if (flowchart.Graph.ById.TryGetValue(connection.Source, out var source) && !HasPort(source, connection.SourcePort))
                errors.Add(ReaderText.Of(
                    $"有一条连线从{source.ChineseLabel}的出口“{connection.SourcePort}”出发，但该环节没有这个出口",
                    $"A connection leaves {source} from port '{connection.SourcePort}', which it does not have."));
        }
    }

    // Every activity can complete with Done; activities declare any further ports.
    private static bool HasPort(Activity activity, string port) =>
        activity is NotFoundActivity or WorkflowDefinitionActivity // ports that only the other definition knows
        || port == Outcomes.Done
        || ActivityTypeInfo.Of(activity.GetType()).Attribute.Outcomes.Contains(port)
        || activity.GetDynamicOutcomes().Contains(port)
        || activity is FlowFork { Branches.Compiled: null or not ConstantExpression };

    /// <summary>
    /// A strongly connected group of activities with no connection leaving it and nothing in it
    /// that waits or ends would spin forever once entered.
    /// </summary>
    private static void CheckLoops(Flowchart flowchart, List<string> errors)
    {
        var outbound = flowchart.Connections.GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Select(c => c.Target).ToList());
        foreach (var component in StronglyConnected(flowchart.Activities.Select(a => a.Id), outbound))
        {
            var isCycle = component.Count > 1 || outbound.GetValueOrDefault(component[0])?.Contains(component[0]) == true;
            if (!isCycle)
                continue;
            var members = component.ToHashSet();
            var hasExit = component.Any(id => outbound.GetValueOrDefault(id)?.Any(t => !members.Contains(t)) == true
                || (flowchart.Graph.ById.TryGetValue(id, out var a) && HasUnconnectedPort(flowchart, a)));
            var canStop = component.Any(id => flowchart.Graph.ById.TryGetValue(id, out var a) && CanWaitOrEnd(a));
            if (!hasExit && !canStop)
            {
                var names = component.Select(id => flowchart.Graph.ById.TryGetValue(id, out var a) ? a.Name ?? a.Id : id);
                errors.Add(ReaderText.Of(
                    $"环节 {string.Join(" → ", names)} 构成了一个没有出口的循环：一旦进入就会无休止地运行。请添加一个可以跳出循环的条件，或一个需要等待的环节",
                    $"Activities {string.Join(" → ", names)} form a loop with no way out: once entered it would run forever. " +
                    "Add a condition that leaves the loop or an activity that waits."));
            }
        }
    }

    // An outcome with no connection ends that path, so the flowchart can complete there.
    private static bool HasUnconnectedPort(Flowchart flowchart, Activity activity)
    {
        var declared = ActivityTypeInfo.Of(activity.GetType()).Attribute.Outcomes;
        var ports = (declared.Length > 0 ? declared : [Outcomes.Done]).Concat(activity.GetDynamicOutcomes());
        return ports.Any(p => !flowchart.Graph.OutboundOf(activity.Id).Any(c => c.SourcePort == p));
    }

    private static bool CanWaitOrEnd(Activity activity) =>
        activity.CanSuspend
        || activity is End or Finish or Complete or Fault or NotFoundActivity
        || activity.GetChildren().Any(CanWaitOrEnd);

    /// <summary>Tarjan's algorithm, iterative so large flowcharts cannot overflow the stack.</summary>
    private static List<List<string>> StronglyConnected(IEnumerable<string> nodes, Dictionary<string, List<string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var onStack = new HashSet<string>();
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        var counter = 0;
        foreach (var root in nodes)
        {
            if (index.ContainsKey(root))
                continue;
            var work = new Stack<(string Node, int Edge)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                var targets = edges.GetValueOrDefault(node) ?? [];
                if (edge < targets.Count)
                {
                    work.Push((node, edge + 1));
                    var target = targets[edge];
                    if (!index.TryGetValue(target, out var targetIndex))
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], targetIndex);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    result.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return result;
    }
}
