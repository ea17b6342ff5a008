using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

[Activity("Elsa.End", "Primitives", "Ends the flowchart it is in, stopping its other branches.", DisplayName = "End", Outcomes = [])]
public sealed class End : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context) => context.CompleteParentAsync(Outcomes.Done);
}
