using System.Collections.Concurrent;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Fluid;

namespace Chamber.Workflows.Expressions;

/// <summary>
/// Liquid expressions on Fluid, Elsa's Liquid engine, with Elsa's objects in scope:
/// <c>Variables</c> (the workflow's variables by name, also <c>Variable</c>), <c>Input</c> (the
/// workflow's input), <c>WorkflowInstanceId</c>, <c>CorrelationId</c>, <c>WorkflowDefinitionId</c>,
/// <c>WorkflowDefinitionVersionId</c> and <c>WorkflowDefinitionVersion</c>; Fluid's standard filters
/// and Elsa's <c>base64</c> and <c>keys</c>. A template is parsed once; one that does not parse is refused when the definition is
/// imported, naming the activity and input like any other expression.
/// </summary>
public sealed class LiquidCompiler : IExpressionCompiler
{
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Templates = new(StringComparer.Ordinal);

    public string Type => ExpressionTypes.Liquid;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        var source = expression.Text ?? "";
        if (!Templates.TryGetValue(source, out var template))
        {
            if (!Parser.TryParse(source, out template, out var error))
                throw new ExpressionException(ReaderText.Of("Liquid 语法错误：", "Liquid syntax error: ") + error);
            Templates.TryAdd(source, template);
        }

        return new LiquidExpression(template, targetType, [.. scope.Variables.Select(v => v.Name).Distinct(StringComparer.Ordinal)]);
    }

    private sealed class LiquidExpression(IFluidTemplate template, Type targetType, string[] variableNames) : ICompiledExpression
    {
        public async ValueTask<object?> EvaluateAsync(IExpressionContext context)
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var name in variableNames)
                variables[name] = context.GetVariable(name);
            var scope = new TemplateContext(LiquidFilters.Options);
            scope.SetValue("Variables", variables);
            scope.SetValue("Variable", variables);
            scope.SetValue("Input", context.WorkflowInput);
            scope.SetValue("WorkflowInstanceId", context.WorkflowInstanceId);
            scope.SetValue("CorrelationId", context.CorrelationId is { } correlation ? Fluid.Values.StringValue.Create(correlation) : Fluid.Values.NilValue.Instance);
            var (definitionId, versionId, version) = context.WorkflowDefinition;
            scope.SetValue("WorkflowDefinitionId", definitionId ?? "");
            scope.SetValue("WorkflowDefinitionVersionId", versionId ?? "");
            scope.SetValue("WorkflowDefinitionVersion", version);
            string text;
            try
            {
                text = await template.RenderAsync(scope);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ExpressionException(ReaderText.Of("Liquid 错误：", "Liquid error: ") + e.Message, e);
            }

            try
            {
                return ValueConverter.Convert(text, targetType);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                throw new ExpressionException(ReaderText.Of(
                    $"Liquid 的结果“{text}”不能用作 {TypeAliases.NameOf(targetType)}：{e.Message}",
                    $"The Liquid result '{text}' cannot be used as {TypeAliases.NameOf(targetType)}: {e.Message}"), e);
            }
        }
    }
}
