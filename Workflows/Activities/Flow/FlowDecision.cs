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
