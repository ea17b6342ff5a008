using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

[Activity("Elsa.Fault", "Primitives", "Faults the workflow with a message; the instance can be retried.", DisplayName = "Fault")]
public sealed class Fault : Activity
{
    [Input(Description = "The fault message.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? Message { get; set; }

    [Input(Description = "An optional fault code.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? Code { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var code = context.Get(Code);
        var message = context.Get(Message) ?? ReaderText.Of("流程出错", "The workflow faulted.");
        throw new WorkflowFaultException(string.IsNullOrEmpty(code) ? message : $"{code}: {message}");
    }
}
