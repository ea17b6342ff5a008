using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

[Activity("Elsa.SetOutput", "Primitives", "Sets an output of the workflow.", DisplayName = "Set Output")]
public sealed class SetOutput : CodeActivity
{
    [Input(Description = "The name of the workflow output.", UIHint = InputUIHints.OutputPicker, IsRequired = true)]
    public Input<string>? OutputName { get; set; }

    [Input(Description = "The value of the output.", UIHint = InputUIHints.SingleLine)]
    public Input<object>? OutputValue { get; set; }

    protected override ValueTask ExecuteCodeAsync(ActivityExecutionContext context)
    {
        var name = context.Get(OutputName);
        if (string.IsNullOrWhiteSpace(name))
            throw new InvalidOperationException(ReaderText.Of("“设置输出”（SetOutput）环节须指定输出名称", "SetOutput needs an output name."));
        context.WorkflowExecutionContext.Output[name] = context.Get(OutputValue);
        return ValueTask.CompletedTask;
    }
}
