using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

[Activity("Elsa.Complete", "Composition", "Completes the enclosing composite with the given outcomes.", DisplayName = "Complete", Outcomes = [])]
public sealed class Complete : Activity
{
    [Input(Description = "Outcomes the enclosing activity completes with (a name or a list).", UIHint = InputUIHints.OutcomePicker)]
    public Input<string[]>? Outcomes { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var outcomes = context.Get(Outcomes);
        return context.CompleteParentAsync(outcomes is { Length: > 0 } ? outcomes : [Model.Outcomes.Done]);
    }
}
