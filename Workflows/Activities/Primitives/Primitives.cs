using Chamber.Workflows.Definitions;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

[Activity("Elsa.Start", "Primitives", "Marks where the flowchart starts.", DisplayName = "Start")]
public sealed class Start : CodeActivity
{
    protected override ValueTask ExecuteCodeAsync(ActivityExecutionContext context) => ValueTask.CompletedTask;
}

[Activity("Elsa.End", "Primitives", "Ends the flowchart it is in, stopping its other branches.", DisplayName = "End", Outcomes = [])]
public sealed class End : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context) => context.CompleteParentAsync(Outcomes.Done);
}

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
            throw new InvalidOperationException("SetVariable has no variable to set.");
        context.SetVariable(context.WorkflowExecutionContext.Graph.SlotOf(Variable.Id) >= 0 ? Variable.Id : Variable.Name, context.Get(Value));
        return ValueTask.CompletedTask;
    }
}

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
            throw new InvalidOperationException("SetOutput needs an output name.");
        context.WorkflowExecutionContext.Output[name] = context.Get(OutputValue);
        return ValueTask.CompletedTask;
    }
}

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
        var message = context.Get(Message) ?? "The workflow faulted.";
        throw new WorkflowFaultException(string.IsNullOrEmpty(code) ? message : $"{code}: {message}");
    }
}

/// <summary>A fault raised on purpose by a workflow (Elsa.Fault).</summary>
public sealed class WorkflowFaultException(string message) : Exception(message);

/// <summary>Waits until an event with this name is published (<c>POST /api/events/{name}</c>); its input becomes the result.</summary>
[Activity("Elsa.Event", "Primitives", "Waits for a named event; can also start the workflow.", DisplayName = "Event")]
public sealed class Event : Activity, ITrigger
{
    public const string BookmarkName = "Elsa.Event";

    [Input(Description = "The name of the event.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? EventName { get; set; }

    [Output(Description = "The input sent with the event.")]
    public Output<object>? Result { get; set; }

    public override bool CanSuspend => true;

    public (string Name, string Key)? GetTriggerKey() =>
        CanStartWorkflow && EventName is not null && EventName.TryGetConstant(out var name) ? (BookmarkName, name!) : null;

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var name = context.Get(EventName);
        if (string.IsNullOrWhiteSpace(name))
            throw new InvalidOperationException("Event needs an event name.");
        if (context.WorkflowExecutionContext.Instance.TriggerActivityId == Id && context.WorkflowExecutionContext.ConsumeTrigger())
        {
            context.Set(Result, context.WorkflowInput.GetValueOrDefault("event"));
            return context.CompleteActivityAsync();
        }

        context.CreateBookmark(BookmarkName, name, callback: OnEventAsync);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnEventAsync(ActivityExecutionContext context)
    {
        context.Set(Result, context.GetResumeInput<object>());
        return context.CompleteActivityAsync();
    }
}
