using System.Text.Json.Nodes;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Workflows.Activities.Children;

/// <summary>
/// A workflow used as an activity (Elsa's <c>usableAsActivity</c>): its type is the definition's
/// name, the JSON carries <c>workflowDefinitionId</c> and the pinned <c>workflowDefinitionVersionId</c>,
/// and the child's declared inputs are inputs of the activity. It runs the pinned version, or the
/// published one when that version is gone (Elsa's fallback) or the child asks its consumers to
/// follow its published version (<c>autoUpdateConsumingWorkflows</c>), with the evaluated inputs; records
/// the child's outputs as its own (so <c>getOutputFrom…()</c> reads them) and writes those bound to
/// a variable or workflow output there; and continues on the outcomes the child completed with.
/// </summary>
/// <remarks>
/// Unlike Elsa, which runs the child's activities inline in the parent's instance, the child runs
/// as a child instance that the parent waits for — the machinery of ExecuteWorkflow: created in the
/// parent's commit, resumed through a bookmark, cancelled with the parent's branch. The parent's
/// graph stays the parent's own, so a stored parent needs no second definition to load, and the
/// child's journal, tasks and faults show on the child.
/// </remarks>
[Activity("Elsa.WorkflowDefinitionActivity", "Composition", "A published workflow used as an activity.", DisplayName = "Workflow")]
public sealed class WorkflowDefinitionActivity : Activity, IHasExtraInputs
{
    /// <summary>The activity as written, kept whole so export gives back exactly what came in.</summary>
    public JsonObject OriginalJson { get; set; } = [];

    public string WorkflowDefinitionId { get; set; } = "";

    public string? WorkflowDefinitionVersionId { get; set; }

    /// <summary>Input expressions by the name the JSON gives them (camelCase of the child's input names).</summary>
    public Dictionary<string, Input> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where each of the child's outputs goes in the parent: output name (as the JSON writes it) to a variable or workflow output.</summary>
    public Dictionary<string, string> OutputBindings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public override bool CanSuspend => true;

    public IEnumerable<(string Name, Input Input)> GetExtraInputs() => Inputs.Select(i => (i.Key, i.Value));

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var graph = await ResolveAsync(context.Services.GetRequiredService<IWorkflowGraphSource>())
            ?? throw new InvalidOperationException(ReaderText.Of(
                $"环节“{Name ?? Id}”运行的流程“{Type}”（{WorkflowDefinitionId}）没有已发布的版本",
                $"Activity '{Name ?? Id}' runs workflow '{Type}' ({WorkflowDefinitionId}), which has no published version."));

        var input = new Dictionary<string, object?>();
        foreach (var declared in graph.Definition.Inputs)
        {
            // Every declared input is passed, converted to its declared type; one left empty as null.
            input[declared.Name] = Inputs.TryGetValue(declared.Name, out var expression)
                ? ValueConverter.Convert(await context.EvaluateAsync(expression), TypeAliases.Resolve(declared.TypeName, declared.IsArray))
                : null;
        }

        ChildWorkflowActivity.StartChild(context, graph, input, correlationId: null, OnChildEndedAsync);
    }

    /// <summary>
    /// The version the activity was drawn with, unless the definition's published version asks its
    /// consumers to follow it (Elsa's <c>autoUpdateConsumingWorkflows</c>) or that version is gone;
    /// then the published version; else, as Elsa names these activities, the published definition
    /// whose name (in PascalCase) is the type.
    /// </summary>
    private async ValueTask<WorkflowGraph?> ResolveAsync(IWorkflowGraphSource graphs)
    {
        var pinned = WorkflowDefinitionVersionId is { Length: > 0 } versionId ? await graphs.GetVersionAsync(versionId) : null;
        var published = await graphs.GetPublishedAsync(pinned?.Definition.DefinitionId ?? WorkflowDefinitionId);
        if (published is not null && (pinned is null || published.Definition.AutoUpdateConsumingWorkflows))
            return published;
        if (pinned is not null)
            return pinned;
        return (await graphs.GetAllPublishedAsync()).FirstOrDefault(g => g.Definition.Name is { } name && ActivityTypeName(name) == Type);
    }

    /// <summary>The activity type of a definition used as an activity: its name in PascalCase ("Subworkflow test" → SubworkflowTest).</summary>
    public static string ActivityTypeName(string definitionName) =>
        string.Concat(definitionName.Split((char[])[' ', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private ValueTask OnChildEndedAsync(ActivityExecutionContext context)
    {
        var result = ChildWorkflowActivity.FinishedChild(context);
        foreach (var (name, value) in result.Output ?? [])
        {
            if (OutputBindings.TryGetValue(name, out var reference))
                context.WorkflowExecutionContext.WriteMemory(reference, value);
            context.WorkflowExecutionContext.RecordOutput(this, name, value);
        }

        return context.CompleteActivityAsync(result.Outcomes is { Length: > 0 } outcomes ? outcomes : [Outcomes.Done]);
    }
}
