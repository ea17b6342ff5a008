using System.Collections.Concurrent;
using System.Text.Json;
using Chamber.Workflows.Expressions;

namespace Chamber.Workflows.Model;

/// <summary>The activity types this engine can run, by Elsa type name.</summary>
public sealed class ActivityRegistry
{
    private readonly ConcurrentDictionary<string, (ActivityTypeInfo Info, Func<Activity> Create)> _types = new(StringComparer.Ordinal);

    public ActivityRegistry Register<T>() where T : Activity, new()
    {
        var info = ActivityTypeInfo.Of(typeof(T));
        _types[info.TypeName] = (info, static () => new T());
        return this;
    }

    public bool TryCreate(string typeName, out Activity activity, out ActivityTypeInfo info)
    {
        if (_types.TryGetValue(typeName, out var entry))
        {
            activity = entry.Create();
            info = entry.Info;
            return true;
        }

        activity = null!;
        info = null!;
        return false;
    }

    public IEnumerable<ActivityTypeInfo> Types => _types.Values.Select(t => t.Info);

    /// <summary>Descriptors for the designer's palette, in Elsa's shape.</summary>
    public IReadOnlyList<ActivityDescriptor> Describe() =>
        [.. Types.Where(t => t.Attribute.Category != "System").OrderBy(t => t.Attribute.Category).ThenBy(t => t.TypeName).Select(ActivityDescriptor.From)];
}

public sealed record ActivityDescriptor(
    string TypeName,
    string Namespace,
    string Name,
    int Version,
    string Category,
    string DisplayName,
    string Description,
    string Kind,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<PortDescriptor> Ports,
    bool IsContainer,
    bool IsBrowsable,
    IReadOnlyDictionary<string, string?>? ConstructionProperties = null)
{
    public static ActivityDescriptor From(ActivityTypeInfo info)
    {
        var dot = info.TypeName.LastIndexOf('.');
        var attribute = info.Attribute;
        var isContainer = info.Ports.Count > 0 || info.ClrType.GetProperty("Activities")?.PropertyType == typeof(List<Activity>);
        return new ActivityDescriptor(
            info.TypeName,
            dot > 0 ? info.TypeName[..dot] : "",
            dot > 0 ? info.TypeName[(dot + 1)..] : info.TypeName,
            1,
            attribute.Category,
            attribute.DisplayName ?? info.ClrType.Name,
            attribute.Description,
            info.IsTrigger ? "Trigger" : "Action",
            [.. info.Inputs.Select(i => new InputDescriptor(
                i.JsonName, TypeAliases.NameOf(i.ValueType), i.Attribute.DisplayName ?? i.Name, i.Attribute.Description,
                i.Attribute.UIHint ?? DefaultUIHint(i.ValueType), i.Attribute.Options, i.Attribute.DefaultValue, i.Attribute.IsRequired,
                i.Attribute.Order, i.ValueType.IsEnum ? Enum.GetNames(i.ValueType) : null))],
            [.. info.Outputs.Select(o => new OutputDescriptor(o.JsonName, TypeAliases.NameOf(o.ValueType), o.Attribute.DisplayName ?? o.Name, o.Attribute.Description))],
            [.. attribute.Outcomes.Select(o => new PortDescriptor(o, o, "Flow")),
             .. info.Ports.Select(p => new PortDescriptor(p.JsonName, p.Attribute.DisplayName ?? p.Name, "Embedded"))],
            isContainer,
            true);
    }

    /// <summary>
    /// A published workflow usable as an activity, described as Elsa describes it: the type is its
    /// name in PascalCase, its inputs and outputs are the activity's, its outcomes are the ports, and
    /// a new activity of this type carries the definition and version it runs (<c>constructionProperties</c>).
    /// </summary>
    public static ActivityDescriptor From(Definitions.WorkflowDefinition definition)
    {
        var typeName = Activities.Children.WorkflowDefinitionActivity.ActivityTypeName(definition.Name ?? definition.DefinitionId);
        var outcomes = definition.Outcomes.ToList();
        return new ActivityDescriptor(
            typeName,
            "",
            typeName,
            definition.Version,
            definition.ActivityCategory ?? "Workflows",
            definition.Name ?? definition.DefinitionId,
            definition.Description ?? "",
            "Action",
            [.. definition.Inputs.Select((i, order) => new InputDescriptor(
                JsonNamingPolicy.CamelCase.ConvertName(i.Name), i.TypeName, i.DisplayName ?? i.Name, i.Description,
                i.TypeName == "Boolean" ? InputUIHints.Checkbox : InputUIHints.SingleLine, null, null, false, order, null))],
            [.. definition.Outputs.Select(o => new OutputDescriptor(JsonNamingPolicy.CamelCase.ConvertName(o.Name), o.TypeName, o.DisplayName ?? o.Name, o.Description))],
            [.. (outcomes.Count > 0 ? outcomes : [Outcomes.Done]).Select(o => new PortDescriptor(o, o, "Flow"))],
            false,
            true,
            new Dictionary<string, string?> { ["workflowDefinitionId"] = definition.DefinitionId, ["workflowDefinitionVersionId"] = definition.Id });
    }

    private static string DefaultUIHint(Type type) => type == typeof(bool) ? InputUIHints.Checkbox : type.IsEnum ? InputUIHints.DropDown : InputUIHints.SingleLine;
}

public sealed record InputDescriptor(
    string Name,
    string TypeName,
    string DisplayName,
    string? Description,
    string UIHint,
    string[]? Options,
    string? DefaultValue,
    bool IsRequired,
    int Order,
    string[]? EnumValues);

public sealed record OutputDescriptor(string Name, string TypeName, string DisplayName, string? Description);

public sealed record PortDescriptor(string Name, string DisplayName, string Type);
