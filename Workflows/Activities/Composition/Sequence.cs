using Chamber.Workflows.Definitions;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Composition;

[Activity("Elsa.Sequence", "Composition", "Runs its activities one after another.", DisplayName = "Sequence")]
public sealed class Sequence : Activity, IVariableContainer
{
    private const string IndexKey = "index";

    public List<Activity> Activities { get; } = [];

    public List<VariableDefinition> Variables { get; } = [];

    public override IEnumerable<Activity> GetChildren() => Activities;

    public override ValueTask ExecuteAsync(ActivityExecutionContext context) => ScheduleAsync(context, 0);

    private ValueTask OnChildCompletedAsync(ActivityCompletedContext completed) =>
        ScheduleAsync(completed.TargetContext, completed.TargetContext.GetProperty<int>(IndexKey) + 1);

    private ValueTask ScheduleAsync(ActivityExecutionContext context, int index)
    {
        if (index >= Activities.Count)
            return context.CompleteActivityAsync();
        context.SetProperty(IndexKey, index);
        context.ScheduleActivity(Activities[index], OnChildCompletedAsync);
        return ValueTask.CompletedTask;
    }
}
