namespace Chamber.Workflows.Model;

/// <summary>Describes an activity type for the registry and the designer's palette.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName, string category, string description) : Attribute
{
    public string TypeName { get; } = typeName;
    public string Category { get; } = category;
    public string Description { get; } = description;
    public string? DisplayName { get; init; }

    /// <summary>Ports (outcomes) this activity completes with; <c>Done</c> unless stated.</summary>
    public string[] Outcomes { get; init; } = [Model.Outcomes.Done];
}

/// <summary>Marks an <see cref="Input{T}"/> property as an activity input.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }

    /// <summary>How the designer edits the value: singleline, multiline, checkbox, dropdown, code-editor, json-editor, variable-picker, dynamic-outcomes, cases.</summary>
    public string? UIHint { get; init; }

    /// <summary>Allowed values for a dropdown.</summary>
    public string[]? Options { get; init; }

    public string? DefaultValue { get; init; }

    /// <summary>When false the activity evaluates the input itself (e.g. once per case or item).</summary>
    public bool AutoEvaluate { get; init; } = true;

    public bool IsRequired { get; init; }

    public int Order { get; init; }
}

/// <summary>Marks an <see cref="Output{T}"/> property as an activity output.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
}

/// <summary>Marks a property holding an embedded child activity (e.g. ForEach's <c>body</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PortAttribute : Attribute
{
    public string? DisplayName { get; init; }
}

public static class Outcomes
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
}

/// <summary>
/// Changes how an inherited input is described for this activity type (its default or whether it
/// is required), so activities that share inputs through a base class keep their own defaults.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InputOverrideAttribute(string input) : Attribute
{
    /// <summary>The input's property name.</summary>
    public string Input { get; } = input;

    public string? DefaultValue { get; init; }
    public string? Description { get; init; }
    public bool IsRequired { get; init; }

    /// <summary>The input's own attribute with this override applied.</summary>
    public InputAttribute ApplyTo(InputAttribute attribute) => new()
    {
        DisplayName = attribute.DisplayName,
        Description = Description ?? attribute.Description,
        UIHint = attribute.UIHint,
        Options = attribute.Options,
        DefaultValue = DefaultValue ?? attribute.DefaultValue,
        AutoEvaluate = attribute.AutoEvaluate,
        IsRequired = IsRequired || attribute.IsRequired,
        Order = attribute.Order,
    };
}
