using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Primitives;

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
            throw new InvalidOperationException(ReaderText.Of("“等待事件”（Event）环节须指定事件名称", "Event needs an event name."));
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
