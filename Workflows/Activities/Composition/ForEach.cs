using System.Collections;
using System.Globalization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Composition;

/// <summary>Shared by ForEach and ParallelForEach: the items are evaluated once and kept with the instance.</summary>
public abstract class ForEachBase : Activity
{
    protected const string ItemsKey = "items";

    [Input(Description = "The items to iterate (a list, or JSON array text).", UIHint = InputUIHints.MultiLine)]
    public Input<object>? Items { get; set; }

    [Port(DisplayName = "Body")]
    public Activity? Body { get; set; }

    [Output(Description = "The current item.")]
    public Output<object>? CurrentValue { get; set; }

    public override IEnumerable<Activity> GetChildren() => Body is null ? [] : [Body];

    protected static List<object?> ReadItems(object? items) => items switch
    {
        null => [],
        string text when text.TrimStart().StartsWith('[') => Expressions.ValueConverter.Convert<List<object?>>(text)!,
        string text => [text],
        IEnumerable enumerable => [.. enumerable.Cast<object?>()],
        var single => [single],
    };

    /// <summary>The variable bindings that make <paramref name="item"/> the current value for one iteration.</summary>
    protected IReadOnlyDictionary<string, object?>? CurrentValueBinding(ActivityExecutionContext context, object? item)
    {
        if (CurrentValue?.VariableId is not { } reference)
            return null;
        if (context.WorkflowExecutionContext.Graph.SlotOf(reference) < 0)
        {
            context.WorkflowExecutionContext.Output[reference] = item;
            return null;
        }

        return new Dictionary<string, object?> { [reference] = item };
    }
}

[Activity("Elsa.ForEach", "Looping", "Runs its body once for each item, one after another.", DisplayName = "For Each")]
public sealed class ForEach : ForEachBase
{
    private const string IndexKey = "index";

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetProperty(ItemsKey, ReadItems(context.Get(Items)));
        return NextAsync(context, 0);
    }

    private ValueTask OnIterationCompletedAsync(ActivityCompletedContext completed) =>
        NextAsync(completed.TargetContext, completed.TargetContext.GetProperty<int>(IndexKey) + 1);

    private ValueTask NextAsync(ActivityExecutionContext context, int index)
    {
        var items = context.GetProperty<List<object?>>(ItemsKey) ?? [];
        if (index >= items.Count || Body is null)
            return context.CompleteActivityAsync();
        context.SetProperty(IndexKey, index);
        context.ScheduleActivity(Body, OnIterationCompletedAsync, index.ToString(CultureInfo.InvariantCulture),
            CurrentValueBinding(context, items[index]));
        return ValueTask.CompletedTask;
    }
}

[Activity("Elsa.ParallelForEach", "Looping", "Runs its body for every item at once and continues when all are done.",
    DisplayName = "Parallel For Each")]
public sealed class ParallelForEach : ForEachBase
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var items = ReadItems(context.Get(Items));
        if (items.Count == 0 || Body is null)
            return context.CompleteActivityAsync();
        for (var i = 0; i < items.Count; i++)
            context.ScheduleActivity(Body, OnIterationCompletedAsync, i.ToString(CultureInfo.InvariantCulture), CurrentValueBinding(context, items[i]));
        return ValueTask.CompletedTask;
    }

    private ValueTask OnIterationCompletedAsync(ActivityCompletedContext completed) =>
        completed.TargetContext.PendingChildren == 0 ? completed.TargetContext.CompleteActivityAsync() : ValueTask.CompletedTask;
}
