using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Flow;

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
