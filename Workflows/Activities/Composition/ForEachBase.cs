using System.Collections;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Composition;

/// <summary>Shared by ForEach and ParallelForEach: the items are evaluated once and kept with the instance.</summary>
public abstract class ForEachBase : Activity
{
    /// <summary>The items, kept in the loop's context; each iteration's body is tagged with its index.</summary>
    internal const string ItemsKey = "items";

    /// <summary>The item an iteration of this loop works on, given the loop's context and the iteration's body context.</summary>
    internal static object? ItemOf(ActivityExecutionContext loop, ActivityExecutionContext iteration) =>
        int.TryParse(iteration.Tag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
        && loop.GetProperty<List<object?>>(ItemsKey) is { } items && index < items.Count
            ? items[index]
            : null;

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
