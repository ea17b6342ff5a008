using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Flow;

/// <summary>Elsa's pass-through node of a flowchart: does nothing and continues on Done (a point to join or fan out from).</summary>
[Activity("Elsa.FlowNode", "Flow", "Does nothing and continues: a point in the flowchart to connect to and from.", DisplayName = "Flow Node")]
public sealed class FlowNode : CodeActivity
{
    protected override ValueTask ExecuteCodeAsync(ActivityExecutionContext context) => ValueTask.CompletedTask;
}
