using Chamber.Workflows.Model;

namespace Chamber.Workflows.Activities.Children;

[Activity("Elsa.ExecuteWorkflow", "Composition", "Runs another workflow and, by default, waits for its output.", DisplayName = "Execute Workflow")]
public sealed class ExecuteWorkflow : ChildWorkflowActivity
{
    protected override bool WaitsByDefault => true;
}
