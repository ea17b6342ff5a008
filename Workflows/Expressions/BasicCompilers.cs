using System.Text.Json;
using System.Text.Json.Nodes;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Expressions;

/// <summary>A literal converted to the input's type once, when the definition loads.</summary>
public sealed class LiteralCompiler : IExpressionCompiler
{
    public string Type => ExpressionTypes.Literal;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        object? raw = expression.Value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var node => ValueConverter.Normalize(node),
        };
        try
        {
            return new ConstantExpression(ValueConverter.Convert(raw, targetType));
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException or JsonException)
        {
            throw new ExpressionException(ReaderText.Of($"“{raw}”不是有效的 {TypeAliases.NameOf(targetType)}", $"'{raw}' is not a valid {TypeAliases.NameOf(targetType)}."), e);
        }
    }
}

/// <summary>Elsa's <c>Object</c> expression: a JSON string parsed into the input's type.</summary>
public sealed class ObjectCompiler : IExpressionCompiler
{
    public string Type => ExpressionTypes.Object;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        var text = expression.Text;
        if (string.IsNullOrWhiteSpace(text))
            return new ConstantExpression(ValueConverter.Convert(null, targetType));
        try
        {
            var value = ValueConverter.Normalize(JsonNode.Parse(text));
            return new ConstantExpression(ValueConverter.Convert(value, targetType));
        }
        catch (JsonException e)
        {
            throw new ExpressionException(ReaderText.Of("对象（Object）表达式不是有效的 JSON：", "The Object expression is not valid JSON: ") + e.Message, e);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new ExpressionException(ReaderText.Of(
                $"对象（Object）表达式无法读取为 {TypeAliases.NameOf(targetType)}：{e.Message}", $"The Object expression cannot be read as {TypeAliases.NameOf(targetType)}: {e.Message}"), e);
        }
    }
}

/// <summary>
/// Elsa's <c>Variable</c> expression. Its value is a variable object (usually serialized as a
/// JSON string); Elsa resolves it by id. We accept the object, its JSON text, or a bare name/id.
/// </summary>
public sealed class VariableCompiler : IExpressionCompiler
{
    public string Type => ExpressionTypes.Variable;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        var (id, name) = ReadReference(expression.Value);
        var variable = scope.Variables.FirstOrDefault(v => v.Id == id)
            ?? scope.Variables.FirstOrDefault(v => v.Name == (name ?? id))
            ?? throw new ExpressionException(ReaderText.Of(
                $"变量（Variable）表达式引用的变量“{name ?? id}”未在流程中声明", $"The Variable expression refers to variable '{name ?? id}', which the workflow does not declare."));
        return new VariableExpression(variable.Id, targetType);
    }

    private static (string? Id, string? Name) ReadReference(JsonNode? value)
    {
        var node = value;
        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            text = text.Trim();
            if (!text.StartsWith('{'))
                return (text, null);
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new ExpressionException(ReaderText.Of("变量（Variable）表达式不是有效的变量引用：", "The Variable expression is not a valid variable reference: ") + e.Message, e);
            }
        }

        return node is JsonObject o
            ? (Text(o["id"]), Text(o["name"]))
            : throw new ExpressionException(ReaderText.Of("变量（Variable）表达式没有指定要引用的变量", "The Variable expression has no variable reference."));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private sealed class VariableExpression(string variableId, Type targetType) : ICompiledExpression
    {
        public ValueTask<object?> EvaluateAsync(IExpressionContext context) =>
            ValueTask.FromResult(ValueConverter.Convert(context.GetVariable(variableId), targetType));
    }
}
