using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Flow;

[Activity("Elsa.FlowFork", "Branching", "Continues on every branch at once.", DisplayName = "Fork")]
public sealed class FlowFork : Activity
{
    [Input(Description = "The names of the branches (outcome ports).", UIHint = InputUIHints.DynamicOutcomes)]
    public Input<string[]>? Branches { get; set; }

    public override IEnumerable<string> GetDynamicOutcomes() => Branches?.TryGetConstant(out var names) == true ? names! : [];

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var branches = context.Get(Branches) ?? [];
        return context.CompleteActivityAsync(branches.Length > 0 ? branches : [Outcomes.Done]);
    }
}
