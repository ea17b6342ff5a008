using Chamber.Workflows.Model;

namespace Chamber.Workflows.Expressions;

/// <summary>The expression types this engine runs, by Elsa name.</summary>
public sealed class ExpressionCompilers
{
    private readonly Dictionary<string, IExpressionCompiler> _byType;

    public ExpressionCompilers(IEnumerable<IExpressionCompiler> compilers) =>
        _byType = compilers.ToDictionary(c => c.Type, StringComparer.OrdinalIgnoreCase);

    public static ExpressionCompilers Default { get; } = new(
        [new LiteralCompiler(), new ObjectCompiler(), new VariableCompiler(), new JavaScriptCompiler(), new CSharpCompiler()]);

    public IEnumerable<string> Types => _byType.Keys;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        // Elsa 3.0 called the Object expression "Json"; files from it still say so.
        var type = expression.Type == "Json" ? ExpressionTypes.Object : expression.Type;
        if (!_byType.TryGetValue(type, out var compiler))
            throw new ExpressionException(
                $"Expression type '{expression.Type}' is not supported; use one of {string.Join(", ", _byType.Keys)}.");
        return compiler.Compile(expression, targetType, scope);
    }
}
