using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Chamber.Workflows.Expressions;

namespace Chamber.Workflows.Model;

/// <summary>
/// What reflection tells about an activity class, computed once per type: its Elsa name, inputs,
/// outputs and embedded ports. The JSON reader and writer, the runtime and the descriptors use it.
/// </summary>
public sealed class ActivityTypeInfo
{
    private static readonly ConcurrentDictionary<Type, ActivityTypeInfo> Cache = new();

    private ActivityTypeInfo(Type type)
    {
        ClrType = type;
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [Activity] attribute.");
        TypeName = attribute.TypeName;
        Attribute = attribute;
        var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public);
        var overrides = type.GetCustomAttributes<InputOverrideAttribute>().ToDictionary(o => o.Input, StringComparer.Ordinal);
        Inputs = [.. properties
            .Where(p => typeof(Input).IsAssignableFrom(p.PropertyType) && p.GetCustomAttribute<InputAttribute>() is not null)
            .Select(p => new InputInfo(p, overrides.TryGetValue(p.Name, out var change)
                ? change.ApplyTo(p.GetCustomAttribute<InputAttribute>()!)
                : p.GetCustomAttribute<InputAttribute>()!))
            .OrderBy(i => i.Attribute.Order)];
        Outputs = [.. properties
            .Where(p => typeof(Output).IsAssignableFrom(p.PropertyType) && p.GetCustomAttribute<OutputAttribute>() is not null)
            .Select(p => new OutputInfo(p, p.GetCustomAttribute<OutputAttribute>()!))];
        Ports = [.. properties
            .Where(p => p.PropertyType == typeof(Activity) && p.GetCustomAttribute<PortAttribute>() is not null)
            .Select(p => new PortInfo(p, p.GetCustomAttribute<PortAttribute>()!))];
        IsTrigger = typeof(ITrigger).IsAssignableFrom(type);
    }

    public static ActivityTypeInfo Of(Type type) => Cache.GetOrAdd(type, t => new ActivityTypeInfo(t));

    public Type ClrType { get; }

    /// <summary>The default an input is described with (after <see cref="InputOverrideAttribute"/>); null when it has none.</summary>
    public string? DefaultOf(string inputName) => Inputs.FirstOrDefault(i => i.Name == inputName)?.Attribute.DefaultValue;
    public string TypeName { get; }
    public ActivityAttribute Attribute { get; }
    public IReadOnlyList<InputInfo> Inputs { get; }
    public IReadOnlyList<OutputInfo> Outputs { get; }
    public IReadOnlyList<PortInfo> Ports { get; }
    public bool IsTrigger { get; }

    public static string JsonName(string propertyName) => JsonNamingPolicy.CamelCase.ConvertName(propertyName);
}

public sealed class InputInfo
{
    internal InputInfo(PropertyInfo property, InputAttribute attribute)
    {
        Property = property;
        Attribute = attribute;
        ValueType = property.PropertyType.GetGenericArguments()[0];
        JsonName = ActivityTypeInfo.JsonName(property.Name);
    }

    public PropertyInfo Property { get; }
    public InputAttribute Attribute { get; }
    public Type ValueType { get; }
    public string JsonName { get; }
    public string Name => Property.Name;
    public string TypeName => TypeAliases.NameOf(ValueType);

    public Input? Get(Activity activity) => (Input?)Property.GetValue(activity);

    public void Set(Activity activity, Input? input) => Property.SetValue(activity, input);
}

public sealed class OutputInfo
{
    private readonly ConstructorInfo _constructor;

    internal OutputInfo(PropertyInfo property, OutputAttribute attribute)
    {
        Property = property;
        Attribute = attribute;
        ValueType = property.PropertyType.GetGenericArguments()[0];
        JsonName = ActivityTypeInfo.JsonName(property.Name);
        _constructor = property.PropertyType.GetConstructor([typeof(string), typeof(string)])!;
    }

    public PropertyInfo Property { get; }
    public OutputAttribute Attribute { get; }
    public Type ValueType { get; }
    public string JsonName { get; }
    public string Name => Property.Name;

    public Output Create(string? variableId, string? typeName) => (Output)_constructor.Invoke([variableId, typeName]);

    public Output? Get(Activity activity) => (Output?)Property.GetValue(activity);

    public void Set(Activity activity, Output? output) => Property.SetValue(activity, output);
}

public sealed class PortInfo(PropertyInfo property, PortAttribute attribute)
{
    public PropertyInfo Property { get; } = property;
    public PortAttribute Attribute { get; } = attribute;
    public string JsonName { get; } = ActivityTypeInfo.JsonName(property.Name);
    public string Name => Property.Name;

    public Activity? Get(Activity activity) => (Activity?)Property.GetValue(activity);

    public void Set(Activity activity, Activity? child) => Property.SetValue(activity, child);
}
