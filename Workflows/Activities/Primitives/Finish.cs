using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

[Activity("Elsa.Finish", "Primitives", "Finishes the whole workflow at once: every branch stops and every bookmark is removed.",
    DisplayName = "Finish", Outcomes = [])]
public sealed class Finish : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}
