using System.Globalization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Composition;

[Activity("Elsa.ParallelForEach", "Looping", "Runs its body for every item at once and continues when all are done.",
    DisplayName = "Parallel For Each")]
public sealed class ParallelForEach : ForEachBase
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var items = ReadItems(context.Get(Items));
        if (items.Count == 0 || Body is null)
            return context.CompleteActivityAsync();
        context.SetProperty(ItemsKey, items);
        for (var i = 0; i < items.Count; i++)
            context.ScheduleActivity(Body, OnIterationCompletedAsync, i.ToString(CultureInfo.InvariantCulture), CurrentValueBinding(context, items[i]));
        return ValueTask.CompletedTask;
    }

    private ValueTask OnIterationCompletedAsync(ActivityCompletedContext completed) =>
        completed.TargetContext.PendingChildren == 0 ? completed.TargetContext.CompleteActivityAsync() : ValueTask.CompletedTask;
}
