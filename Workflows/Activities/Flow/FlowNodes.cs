using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Flow;

[Activity("Elsa.FlowDecision", "Branching", "Continues on True or False depending on a condition.",
    DisplayName = "Decision", Outcomes = [Outcomes.True, Outcomes.False])]
public sealed class FlowDecision : Activity
{
    [Input(Description = "The condition to evaluate.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<bool>? Condition { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        context.CompleteActivityAsync(context.Get(Condition) ? Outcomes.True : Outcomes.False);
}

public enum SwitchMode
{
    MatchFirst,
    MatchAny,
}

/// <summary>One case of a FlowSwitch: an outcome label and the condition that selects it.</summary>
public sealed record SwitchCase(string Label, Input<bool>? Condition);

[Activity("Elsa.FlowSwitch", "Branching", "Continues on the outcome of the first (or every) case whose condition is true, else on Default.",
    DisplayName = "Switch", Outcomes = [Outcomes.Default])]
public sealed class FlowSwitch : Activity, IHasExtraInputs
{
    [Input(Description = "MatchFirst takes the first true case; MatchAny takes every true case.", UIHint = InputUIHints.DropDown,
        Options = ["MatchFirst", "MatchAny"], DefaultValue = "MatchFirst")]
    public Input<SwitchMode>? Mode { get; set; }

    /// <summary>Written in Elsa's JSON as a plain array of <c>{label, condition}</c>.</summary>
    public List<SwitchCase> Cases { get; } = [];

    public IEnumerable<(string Name, Input Input)> GetExtraInputs() =>
        Cases.Where(c => c.Condition is not null).Select(c => ($"cases[{c.Label}]", (Input)c.Condition!));

    public override IEnumerable<string> GetDynamicOutcomes() => Cases.Select(c => c.Label);

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var matchAny = context.Get(Mode) == SwitchMode.MatchAny;
        var outcomes = new List<string>();
        foreach (var @case in Cases)
        {
            if (!await context.EvaluateAsync(@case.Condition))
                continue;
            outcomes.Add(@case.Label);
            if (!matchAny)
                break;
        }

        await context.CompleteActivityAsync(outcomes.Count > 0 ? [.. outcomes] : [Outcomes.Default]);
    }
}

[Activity("Elsa.FlowFork", "Branching", "Continues on every branch at once.", DisplayName = "Fork")]
public sealed class FlowFork : Activity
{
    [Input(Description = "The names of the branches (outcome ports).", UIHint = InputUIHints.DynamicOutcomes)]
    public Input<string[]>? Branches { get; set; }

    public override IEnumerable<string> GetDynamicOutcomes()
    {
        if (Branches?.Compiled is null)
            return [];
        var constant = Branches.Compiled.EvaluateAsync(NoContext.Instance);
        return constant.IsCompletedSuccessfully && constant.Result is string[] names ? names : [];
    }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var branches = context.Get(Branches) ?? [];
        return context.CompleteActivityAsync(branches.Length > 0 ? branches : [Outcomes.Done]);
    }
}

public enum FlowJoinMode
{
    WaitAll,
    WaitAny,
}

/// <summary>
/// Merges branches. The waiting is done by the enclosing flowchart, which schedules the join
/// when all inbound branches arrived (WaitAll) or on the first arrival (WaitAny, cancelling the rest).
/// </summary>
[Activity("Elsa.FlowJoin", "Branching", "Waits for all (or any) inbound branches, then continues.", DisplayName = "Join")]
public sealed class FlowJoin : Activity
{
    [Input(Description = "WaitAll waits for every inbound branch; WaitAny continues on the first and cancels the others.",
        UIHint = InputUIHints.DropDown, Options = ["WaitAll", "WaitAny"], DefaultValue = "WaitAll", AutoEvaluate = false)]
    public Input<FlowJoinMode>? Mode { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context) => context.CompleteActivityAsync();
}

/// <summary>Evaluates constant expressions (literals) outside any instance, e.g. for the designer.</summary>
internal sealed class NoContext : Expressions.IExpressionContext
{
    public static NoContext Instance { get; } = new();
    public string WorkflowInstanceId => "";
    public string? CorrelationId { get; set; }
    public IReadOnlyDictionary<string, object?> WorkflowInput { get; } = new Dictionary<string, object?>();
    public object? GetVariable(string nameOrId) => throw new InvalidOperationException("No workflow instance.");
    public void SetVariable(string nameOrId, object? value) => throw new InvalidOperationException("No workflow instance.");
}
