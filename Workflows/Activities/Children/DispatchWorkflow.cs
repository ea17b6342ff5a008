using Chamber.Workflows.Model;

namespace Chamber.Workflows.Activities.Children;

[Activity("Elsa.DispatchWorkflow", "Composition", "Starts another workflow in the background; waits only when asked.", DisplayName = "Dispatch Workflow")]
public sealed class DispatchWorkflow : ChildWorkflowActivity
{
    protected override bool WaitsByDefault => false;
}
