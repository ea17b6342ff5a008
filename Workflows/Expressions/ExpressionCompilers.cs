using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Expressions;

/// <summary>The expression types this engine runs, by Elsa name.</summary>
public sealed class ExpressionCompilers
{
    private readonly Dictionary<string, IExpressionCompiler> _byType;

    public ExpressionCompilers(IEnumerable<IExpressionCompiler> compilers) =>
        _byType = compilers.ToDictionary(c => c.Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every expression type, C# included (tests and tools; a host uses <see cref="Create"/>).</summary>
    public static ExpressionCompilers All { get; } = Create(new ExpressionOptions { EnableCSharp = true });

    /// <summary>The expression types a host runs: C# only when its options enable it; otherwise a C# expression is refused with the reason.</summary>
    public static ExpressionCompilers Create(ExpressionOptions options) => new(
    [
        new LiteralCompiler(), new ObjectCompiler(), new VariableCompiler(), new JavaScriptCompiler(options.JavaScript), new LiquidCompiler(),
        options.EnableCSharp ? new CSharpCompiler() : new SwitchedOffCompiler(ExpressionTypes.CSharp,
            ReaderText.Of("C# 表达式在本系统中未启用（Expressions:EnableCSharp），请改用 JavaScript", "C# expressions are switched off on this host (Expressions:EnableCSharp); use JavaScript.")),
    ]);

    public IEnumerable<string> Types => _byType.Keys;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        // Elsa 3.0 called the Object expression "Json"; files from it still say so.
        var type = expression.Type == "Json" ? ExpressionTypes.Object : expression.Type;
        if (!_byType.TryGetValue(type, out var compiler))
            throw new ExpressionException(
                ReaderText.Of($"不支持表达式类型“{expression.Type}”，请使用以下类型之一：{string.Join(", ", _byType.Keys)}",
                    $"Expression type '{expression.Type}' is not supported; use one of {string.Join(", ", _byType.Keys)}."));
        return compiler.Compile(expression, targetType, scope);
    }
}

/// <summary>An expression type this host knows but does not run: every expression of it is refused with a reason.</summary>
internal sealed class SwitchedOffCompiler(string type, string reason) : IExpressionCompiler
{
    public string Type => type;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope) => throw new ExpressionException(reason);
}
