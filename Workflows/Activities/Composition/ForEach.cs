using System.Globalization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Composition;

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
