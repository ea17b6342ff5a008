using System.Collections.Frozen;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Runtime;

/// <summary>Composite activities that declare variables of their own (Flowchart, Sequence).</summary>
public interface IVariableContainer
{
    List<VariableDefinition> Variables { get; }
}

/// <summary>
/// A definition version made ready to run: every activity indexed by id, every variable given a
/// slot, every input expression compiled. Built once per version and shared by its instances.
/// </summary>
public sealed class WorkflowGraph
{
    private readonly FrozenDictionary<string, int> _variableSlots;

    private WorkflowGraph(WorkflowDefinition definition, Dictionary<string, Activity> activities, List<VariableDefinition> variables)
    {
        Definition = definition;
        Activities = activities.ToFrozenDictionary();
        Variables = variables;
        VariableTypes = [.. variables.Select(v => TypeAliases.Resolve(v.TypeName, v.IsArray))];
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < variables.Count; i++)
        {
            slots.TryAdd(variables[i].Id, i);
            slots.TryAdd(variables[i].Name, i);
        }

        _variableSlots = slots.ToFrozenDictionary(StringComparer.Ordinal);
        Scope = new ExpressionScope(variables, [.. definition.Inputs.Select(i => i.Name)]);
    }

    public WorkflowDefinition Definition { get; }

    public FrozenDictionary<string, Activity> Activities { get; }

    /// <summary>Workflow variables followed by those declared on containers.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; }

    public IReadOnlyList<Type> VariableTypes { get; }

    public ExpressionScope Scope { get; }

    /// <summary>The slot of a variable by id or name, or -1.</summary>
    public int SlotOf(string nameOrId) => _variableSlots.TryGetValue(nameOrId, out var slot) ? slot : -1;

    /// <summary>Indexes and compiles a definition; problems are added to <paramref name="errors"/>.</summary>
    public static WorkflowGraph Build(WorkflowDefinition definition, ExpressionCompilers compilers, List<string> errors)
    {
        var activities = new Dictionary<string, Activity>(StringComparer.Ordinal);
        var variables = new List<VariableDefinition>(definition.Variables);
        Collect(definition.Root, activities, variables, errors);

        var duplicateVariables = variables.GroupBy(v => v.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        errors.AddRange(duplicateVariables.Select(id => ReaderText.Of($"变量 id“{id}”被重复声明", $"Variable id '{id}' is declared more than once.")));

        var graph = new WorkflowGraph(definition, activities, variables);
        for (var i = 0; i < variables.Count; i++)
        {
            try
            {
                ValueConverter.Convert(variables[i].Value, graph.VariableTypes[i]);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException or System.Text.Json.JsonException)
            {
                errors.Add(ReaderText.Of(
                    $"变量“{variables[i].Name}”：初始值“{variables[i].Value}”不是有效的 {variables[i].TypeName}",
                    $"Variable '{variables[i].Name}': initial value '{variables[i].Value}' is not a valid {variables[i].TypeName}."));
            }
        }

        foreach (var activity in activities.Values)
        {
            var info = ActivityTypeInfo.Of(activity.GetType());
            foreach (var input in info.Inputs)
            {
                if (input.Get(activity) is { } value)
                    CompileInput(graph, compilers, activity, input.JsonName, value, errors);
            }

            if (activity is IHasExtraInputs extra)
            {
                foreach (var (name, value) in extra.GetExtraInputs())
                    CompileInput(graph, compilers, activity, name, value, errors);
            }
        }

        return graph;
    }

    private static void CompileInput(WorkflowGraph graph, ExpressionCompilers compilers, Activity activity, string name, Input input, List<string> errors)
    {
        try
        {
            input.Compiled = compilers.Compile(input.Expression, input.ValueType, graph.Scope);
        }
        catch (ExpressionException e)
        {
            errors.Add(ReaderText.Of($"{activity.ChineseLabel}的输入“{name}”：{e.Message}", $"{activity} input '{name}': {e.Message}"));
        }
    }

    private static void Collect(Activity activity, Dictionary<string, Activity> activities, List<VariableDefinition> variables, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(activity.Id))
            errors.Add(ReaderText.Of($"有一个类型为“{activity.Type}”的环节没有 id", $"An activity of type '{activity.Type}' has no id."));
        else if (!activities.TryAdd(activity.Id, activity))
            errors.Add(ReaderText.Of($"环节 id“{activity.Id}”被重复使用", $"Activity id '{activity.Id}' is used more than once."));
        if (activity is IVariableContainer container)
            variables.AddRange(container.Variables);
        foreach (var child in activity.GetChildren())
            Collect(child, activities, variables, errors);
    }
}

/// <summary>Activities whose inputs are not plain <see cref="Input{T}"/> properties (e.g. FlowSwitch's cases).</summary>
public interface IHasExtraInputs
{
    IEnumerable<(string Name, Input Input)> GetExtraInputs();
}
