using Chamber.Workflows.Definitions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

/// <summary>Sets a workflow variable. Its <c>variable</c> is a variable object in Elsa's JSON, not an expression.</summary>
[Activity("Elsa.SetVariable", "Primitives", "Assigns a value to a workflow variable.", DisplayName = "Set Variable")]
public sealed class SetVariable : CodeActivity
{
    public VariableDefinition? Variable { get; set; }

    [Input(Description = "The value to assign.", UIHint = InputUIHints.SingleLine)]
    public Input<object>? Value { get; set; }

    protected override ValueTask ExecuteCodeAsync(ActivityExecutionContext context)
    {
        if (Variable is null)
            throw new InvalidOperationException(ReaderText.Of("“设置变量”（SetVariable）环节没有指定要设置的变量", "SetVariable has no variable to set."));
        context.SetVariable(context.WorkflowExecutionContext.Graph.SlotOf(Variable.Id) >= 0 ? Variable.Id : Variable.Name, context.Get(Value));
        return ValueTask.CompletedTask;
    }
}
