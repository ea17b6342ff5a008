using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Workflows.Activities.Children;

/// <summary>
/// Starts a child instance of a published definition. The child is created in the same commit as
/// the parent's state and run right after it, so a crash cannot lose it; a waiting parent is
/// resumed through its bookmark when the child finishes, faults or is cancelled.
/// </summary>
public abstract class ChildWorkflowActivity : Activity
{
    public const string BookmarkName = "Elsa.ChildWorkflow";

    [Input(DisplayName = "Workflow definition", Description = "The definition id of the workflow to start.",
        UIHint = InputUIHints.WorkflowDefinitionPicker, IsRequired = true)]
    public Input<string>? WorkflowDefinitionId { get; set; }

    [Input(Description = "Input for the child workflow (an object).", UIHint = InputUIHints.JsonEditor)]
    public Input<Dictionary<string, object?>>? Input { get; set; }

    [Input(Description = "The child's correlation id (defaults to the parent's).", UIHint = InputUIHints.SingleLine)]
    public Input<string>? CorrelationId { get; set; }

    [Input(Description = "Wait until the child finishes and receive its output.", UIHint = InputUIHints.Checkbox)]
    public Input<bool>? WaitForCompletion { get; set; }

    [Output(Description = "When waiting, Elsa's result: { workflowInstanceId, status, subStatus, output } with the child's outputs under output; otherwise the child's instance id.")]
    public Output<object>? Result { get; set; }

    protected abstract bool WaitsByDefault { get; }

    public override bool CanSuspend => true;

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var definitionId = context.Get(WorkflowDefinitionId);
        if (string.IsNullOrWhiteSpace(definitionId))
            throw new InvalidOperationException(ReaderText.Of("没有指定子流程的流程定义", "No child workflow definition is given."));
        // The version is fixed now, so the commit that creates the child needs no second lookup.
        var graph = await context.Services.GetRequiredService<IWorkflowGraphSource>().GetPublishedAsync(definitionId)
            ?? throw new InvalidOperationException(ReaderText.Of(
                $"流程定义“{definitionId}”没有已发布的版本，无法启动", $"Workflow definition '{definitionId}' has no published version to start."));

        var wait = WaitForCompletion is null ? WaitsByDefault : context.Get(WaitForCompletion);
        var childId = StartChild(context, graph, context.Get(Input) ?? [], context.Get(CorrelationId), wait ? OnChildEndedAsync : null);
        if (!wait)
        {
            context.Set(Result, childId);
            await context.CompleteActivityAsync();
        }
    }

    /// <summary>
    /// Asks for a child instance of <paramref name="graph"/>, created in the parent's commit; with
    /// <paramref name="onEnded"/> the activity waits for it through a bookmark. Returns the child's id.
    /// </summary>
    internal static string StartChild(ActivityExecutionContext context, WorkflowGraph graph, Dictionary<string, object?> input, string? correlationId, ExecuteActivityDelegate? onEnded)
    {
        var childId = Guid.CreateVersion7().ToString("N");
        var bookmark = onEnded is null ? null : context.CreateBookmark(BookmarkName, childId, callback: onEnded);
        context.WorkflowExecutionContext.ChildWorkflows.Add(new ChildWorkflowRequest(
            childId, graph.Definition.DefinitionId, graph.Definition.Id, graph.Definition.Version, input, correlationId ?? context.CorrelationId, bookmark?.Id));
        return childId;
    }

    /// <summary>The result a waiting parent was resumed with; a child that did not finish faults the activity.</summary>
    internal static ChildWorkflowResult FinishedChild(ActivityExecutionContext context)
    {
        var result = context.GetResumeInput<ChildWorkflowResult>()
            ?? throw new InvalidOperationException(ReaderText.Of("子流程已结束，但没有返回结果", "The child workflow ended without a result."));
        if (result.Status != WorkflowStatus.Finished)
            throw new InvalidOperationException(ReaderText.Of(
                $"子流程实例 {result.WorkflowInstanceId} 以 {result.Status} 状态结束：{result.Fault}", $"Child workflow {result.WorkflowInstanceId} ended {result.Status}: {result.Fault}"));
        return result;
    }

    // Shaped as Elsa's ExecuteWorkflowResult: the child's outputs are under "output".
    private ValueTask OnChildEndedAsync(ActivityExecutionContext context)
    {
        var child = FinishedChild(context);
        context.Set(Result, new Dictionary<string, object?>
        {
            ["workflowInstanceId"] = child.WorkflowInstanceId,
            ["status"] = "Finished",
            ["subStatus"] = child.Status.ToString(),
            ["output"] = child.Output ?? [],
        });
        return context.CompleteActivityAsync();
    }
}
