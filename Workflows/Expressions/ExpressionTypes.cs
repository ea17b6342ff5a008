using Chamber.Workflows.Definitions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Expressions;

public static class ExpressionTypes
{
    public const string Literal = "Literal";
    public const string Object = "Object";
    public const string Variable = "Variable";
    public const string JavaScript = "JavaScript";
    public const string CSharp = "CSharp";
    public const string Liquid = "Liquid";
}

/// <summary>What an expression can see while it runs: the workflow's variables and input.</summary>
public interface IExpressionContext
{
    string WorkflowInstanceId { get; }

    string? CorrelationId { get; set; }

    IReadOnlyDictionary<string, object?> WorkflowInput { get; }

    /// <summary>Reads a variable by name or id; throws <see cref="KeyNotFoundException"/> when it does not exist.</summary>
    object? GetVariable(string nameOrId);

    /// <summary>Writes a variable by name or id, converting to its declared type.</summary>
    void SetVariable(string nameOrId, object? value);

    /// <summary>The item of the nearest ForEach or ParallelForEach iteration the expression runs in (Elsa's <c>getCurrentValue()</c>); null outside a loop.</summary>
    object? GetCurrentValue() => null;

    /// <summary>An output an activity set earlier in this run, by the activity's id or name (Elsa's <c>getOutputFrom</c>); null when none.</summary>
    object? GetOutput(string activityIdOrName, string? outputName) => null;

    /// <summary>The last output any activity set in this run (Elsa's <c>getLastResult()</c>).</summary>
    object? GetLastResult() => null;

    /// <summary>The definition the instance runs: its id, the version's id and the version number (Elsa's <c>getWorkflowDefinition…()</c>).</summary>
    (string? DefinitionId, string? VersionId, int Version) WorkflowDefinition => (null, null, 0);

    /// <summary>Elsa's <c>setOutcome()</c>/<c>setOutcomes()</c>: the ports a Run JavaScript activity continues on. Anything else cannot choose a port.</summary>
    void SetOutcomes(IReadOnlyList<string> outcomes) =>
        throw new InvalidOperationException(ReaderText.Of(
            "setOutcome() 用于选择“运行 JavaScript 脚本”环节的出口，表达式中不能使用它", "setOutcome() chooses the port of a Run JavaScript activity; an expression cannot."));

    /// <summary>Cancelled when the run the expression belongs to is (the workflow was cancelled meanwhile): a running script stops.</summary>
    CancellationToken CancellationToken => CancellationToken.None;
}

/// <summary>An expression parsed and compiled once per definition version.</summary>
public interface ICompiledExpression
{
    ValueTask<object?> EvaluateAsync(IExpressionContext context);
}

/// <summary>What a compiler knows about the definition an expression belongs to: its variables and the names of its declared inputs.</summary>
public sealed record ExpressionScope(IReadOnlyList<VariableDefinition> Variables, IReadOnlyList<string>? InputNames = null);

/// <summary>Compiles expressions of one type (Elsa's expression handlers).</summary>
public interface IExpressionCompiler
{
    string Type { get; }

    /// <summary>Compiles the expression; throws <see cref="ExpressionException"/> with a user-facing reason when it is invalid.</summary>
    ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope);
}

/// <summary>An expression that cannot be compiled or failed while evaluating.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A value known when the definition is loaded (literals, objects).</summary>
internal sealed class ConstantExpression(object? value) : ICompiledExpression
{
    public ValueTask<object?> EvaluateAsync(IExpressionContext context) => ValueTask.FromResult(value);
}
