using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

[Activity("Elsa.WriteLine", "Primitives", "Writes a line of text to the instance's journal.", DisplayName = "Write Line")]
public sealed class WriteLine : CodeActivity
{
    [Input(Description = "The text to write.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? Text { get; set; }

    protected override ValueTask ExecuteCodeAsync(ActivityExecutionContext context)
    {
        context.JournalMessage(context.Get(Text));
        return ValueTask.CompletedTask;
    }
}
