using System.Collections.Concurrent;
using System.Text;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Chamber.Workflows.Expressions;

/// <summary>
/// C# expressions through Roslyn scripting, as Elsa 3 writes them — switched off unless a host
/// enables them (<see cref="ExpressionOptions.EnableCSharp"/>), and then limited to the types of
/// <see cref="CSharpAllowList"/>: a script body such as
/// <c>return Variables.Counter + 1;</c> (or a bare final expression) with a typed property per
/// workflow variable (<c>Variables</c>, also reachable as Elsa's <c>Variable</c>), <c>Input</c>,
/// <c>WorkflowInstanceId</c> and <c>CorrelationId</c>. Each script is compiled once per process
/// and variable layout; compile errors are reported when the definition is imported.
/// </summary>
public sealed class CSharpCompiler : IExpressionCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<ScriptRunner<object>>> Runners = new();

    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(IExpressionContext).Assembly,
            typeof(Microsoft.CSharp.RuntimeBinder.Binder).Assembly, typeof(System.Text.Json.JsonSerializer).Assembly)
        .WithImports("System", "System.Linq", "System.Collections.Generic", "System.Text.Json")
        .WithOptimizationLevel(OptimizationLevel.Release);

    public string Type => ExpressionTypes.CSharp;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        var code = BuildScript(expression.Text ?? "", scope);
        var runner = Runners.GetOrAdd(code, static c => new Lazy<ScriptRunner<object>>(() => CompileScript(c)));
        try
        {
            return new CSharpExpression(runner.Value, targetType);
        }
        catch (ExpressionException)
        {
            Runners.TryRemove(code, out _);
            throw;
        }
    }

    private static ScriptRunner<object> CompileScript(string code)
    {
        var script = CSharpScript.Create<object>(code, Options, typeof(CSharpGlobals));
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new ExpressionException(ReaderText.Of("C# 编译错误：", "C# compile error: ") + string.Join("; ", errors.Take(3).Select(e => e.ToString())));
        if (CSharpAllowList.Violations(script.GetCompilation()) is { Count: > 0 } violations)
            throw new ExpressionException(
                ReaderText.Of($"C# 表达式只能使用值、文本、日期、集合、LINQ、JSON 和流程变量，不允许：{string.Join(", ", violations.Take(5))}", $"A C# expression may use values, text, dates, collections, LINQ, JSON and the workflow's variables only; not allowed: {string.Join(", ", violations.Take(5))}."));
        return script.CreateDelegate();
    }

    /// <summary>Prepends a typed accessor class for the workflow's variables to the user's script.</summary>
    private static string BuildScript(string body, ExpressionScope scope)
    {
        var code = new StringBuilder();
        code.AppendLine("sealed class WorkflowVariables {");
        code.AppendLine("  private readonly Chamber.Workflows.Expressions.IExpressionContext _c;");
        code.AppendLine("  public WorkflowVariables(Chamber.Workflows.Expressions.IExpressionContext c) { _c = c; }");
        code.AppendLine("  public object Get(string name) => _c.GetVariable(name);");
        code.AppendLine("  public T Get<T>(string name) => Chamber.Workflows.Expressions.ValueConverter.Convert<T>(_c.GetVariable(name));");
        code.AppendLine("  public void Set(string name, object value) => _c.SetVariable(name, value);");
        foreach (var variable in scope.Variables)
        {
            if (!SyntaxFacts.IsValidIdentifier(variable.Name) || SyntaxFacts.GetKeywordKind(variable.Name) != SyntaxKind.None)
                continue;
            var type = CSharpName(TypeAliases.Resolve(variable.TypeName, variable.IsArray));
            var name = Quote(variable.Name);
            code.AppendLine($"  public {type} {variable.Name} {{ get => Get<{type}>({name}); set => Set({name}, value); }}");
        }

        code.AppendLine("}");
        code.AppendLine("var Variables = new WorkflowVariables(ExpressionContext);");
        code.AppendLine("var Variable = Variables;");
        code.AppendLine("#line 1");
        code.Append(body);
        return code.ToString();
    }

    private static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string CSharpName(Type type)
    {
        if (type.IsArray)
            return CSharpName(type.GetElementType()!) + "[]";
        if (!type.IsGenericType)
            return "global::" + type.FullName;
        var name = type.GetGenericTypeDefinition().FullName!;
        return $"global::{name[..name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>";
    }

    private sealed class CSharpExpression(ScriptRunner<object> runner, Type targetType) : ICompiledExpression
    {
        public async ValueTask<object?> EvaluateAsync(IExpressionContext context)
        {
            object? result;
            try
            {
                result = await runner(new CSharpGlobals(context));
            }
            catch (Exception e) when (e is not ExpressionException)
            {
                throw new ExpressionException(ReaderText.Of("C# 错误：", "C# error: ") + e.Message, e);
            }

            return ValueConverter.Convert(result, targetType);
        }
    }
}

/// <summary>The globals a C# expression sees (public because compiled scripts bind to it).</summary>
public sealed class CSharpGlobals(IExpressionContext context)
{
    public IExpressionContext ExpressionContext { get; } = context;

    public string WorkflowInstanceId => ExpressionContext.WorkflowInstanceId;

    public string? CorrelationId
    {
        get => ExpressionContext.CorrelationId;
        set => ExpressionContext.CorrelationId = value;
    }

    /// <summary>The workflow's input: <c>Input["name"]</c> or <c>Input.Get&lt;int&gt;("name")</c>.</summary>
    public WorkflowInputAccessor Input => new(ExpressionContext.WorkflowInput);
}

public sealed class WorkflowInputAccessor(IReadOnlyDictionary<string, object?> input)
{
    public object? this[string name] => input.TryGetValue(name, out var value) ? value : null;

    public object? Get(string name) => this[name];

    public T? Get<T>(string name) => ValueConverter.Convert<T>(this[name]);
}
