using System.Text.Json.Nodes;
using Chamber.Workflows.Expressions;

namespace Chamber.Workflows.Model;

/// <summary>An expression as Elsa writes it: <c>{"type":"JavaScript","value":"getCounter() + 1"}</c>.</summary>
public sealed record Expression(string Type, JsonNode? Value)
{
    public static Expression Literal(string? value) => new(ExpressionTypes.Literal, value is null ? null : JsonValue.Create(value));

    /// <summary>The expression's text, for types whose value is a string.</summary>
    public string? Text => Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : Value?.ToJsonString();
}

/// <summary>An activity input: an expression evaluated when the activity runs.</summary>
public abstract class Input
{
    protected Input(Expression expression, string? typeName)
    {
        Expression = expression;
        TypeName = typeName;
    }

    public Expression Expression { get; }

    /// <summary>The <c>typeName</c> as written in the definition (kept for export).</summary>
    public string? TypeName { get; }

    public abstract Type ValueType { get; }

    /// <summary>Fields of the input JSON other than typeName and expression; written back on export.</summary>
    public JsonObject? UnknownFields { get; set; }

    /// <summary>Set when the definition is materialized; evaluation never parses again.</summary>
    internal ICompiledExpression? Compiled { get; set; }
}

public sealed class Input<T>(Expression expression, string? typeName = null) : Input(expression, typeName)
{
    public Input(T literal) : this(Expression.Literal(Convert.ToString(literal, System.Globalization.CultureInfo.InvariantCulture)))
    {
    }

    public override Type ValueType => typeof(T);

    /// <summary>
    /// The value of a literal (or constant JSON object) input, known without running the workflow:
    /// triggers are indexed by it when a definition is published, and ports that depend on it
    /// (fork branches, a script's possible outcomes) are known to the validator. False for any other expression.
    /// </summary>
    internal bool TryGetConstant(out T? value)
    {
        value = default;
        if (Expression.Type is not (ExpressionTypes.Literal or ExpressionTypes.Object) || Compiled is null)
            return false;
        var evaluated = Compiled.EvaluateAsync(Activities.Flow.NoContext.Instance);
        if (!evaluated.IsCompletedSuccessfully)
            return false;
        try
        {
            value = ValueConverter.Convert<T>(evaluated.Result);
            return value is not null;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException or System.Text.Json.JsonException)
        {
            return false;
        }
    }
}

/// <summary>An activity output, optionally bound to a workflow variable (Elsa's <c>memoryReference</c>).</summary>
public abstract class Output
{
    protected Output(string? variableId, string? typeName)
    {
        VariableId = variableId;
        TypeName = typeName;
    }

    public string? VariableId { get; }

    public string? TypeName { get; }

    public JsonObject? UnknownFields { get; set; }
}

public sealed class Output<T>(string? variableId, string? typeName = null) : Output(variableId, typeName);
