using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chamber.Workflows.Model;
using Jurassic;
using Jurassic.Library;

namespace Chamber.Workflows.Expressions;

/// <summary>
/// JavaScript expressions on Jurassic (ES5 plus <c>let</c> and template literals), with Elsa 3's
/// helpers: <c>getVariable</c>/<c>setVariable</c>, <c>getX()</c>/<c>setX(v)</c> per variable,
/// <c>variables.X</c>, <c>getInput</c>/<c>input</c>, <c>getWorkflowInstanceId</c>,
/// <c>getCorrelationId</c>/<c>setCorrelationId</c>, <c>isNullOrEmpty</c>, <c>toJson</c>, <c>newGuid</c>.
/// Scripts are compiled once; engines are pooled because creating one costs milliseconds.
/// </summary>
public sealed partial class JavaScriptCompiler : IExpressionCompiler
{
    private static readonly ConcurrentDictionary<string, CompiledEval> Compiled = new();
    private static readonly ConcurrentBag<JavaScriptEngine> Engines = [];

    public string Type => ExpressionTypes.JavaScript;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        var source = expression.Text ?? "";
        CompiledEval script;
        try
        {
            script = Compiled.GetOrAdd(source, static s => CompiledEval.Compile(new StringScriptSource(s)));
        }
        catch (Exception e) when (e is JavaScriptException or Jurassic.Compiler.SyntaxErrorException)
        {
            throw new ExpressionException($"JavaScript syntax error: {e.Message}", e);
        }

        var variableNames = scope.Variables.Select(v => v.Name).Where(IsIdentifier).ToArray();
        return new JavaScriptExpression(script, source, targetType, variableNames);
    }

    internal static bool IsIdentifier(string name) => IdentifierPattern().IsMatch(name);

    [GeneratedRegex(@"^[\p{L}_$][\p{L}\p{Nd}_$]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}_$.])input(?![\p{L}\p{Nd}_$])")]
    private static partial Regex InputIdentifier();

    private sealed class JavaScriptExpression(CompiledEval script, string source, Type targetType, string[] variableNames) : ICompiledExpression
    {
        // Only a script that reads the `input` object pays for building it (getInput('x') does not need it).
        private readonly bool _usesInput = InputIdentifier().IsMatch(source);

        public ValueTask<object?> EvaluateAsync(IExpressionContext context)
        {
            if (!Engines.TryTake(out var engine))
                engine = new JavaScriptEngine();
            try
            {
                engine.Bind(context, variableNames, _usesInput);
                var result = engine.ToClr(script.Evaluate(engine.Engine));
                return ValueTask.FromResult(ValueConverter.Convert(result, targetType));
            }
            catch (JavaScriptException e)
            {
                throw new ExpressionException($"JavaScript error: {e.Message}", e);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                throw new ExpressionException($"The JavaScript result cannot be used as {TypeAliases.NameOf(targetType)}: {e.Message}", e);
            }
            finally
            {
                engine.Unbind();
                Engines.Add(engine);
            }
        }
    }

    /// <summary>One Jurassic engine with Elsa's helpers, bound to one expression context at a time.</summary>
    private sealed class JavaScriptEngine
    {
        private const string Prelude = """
            var variables = {};
            function getVariable(name) { return __getVariable(name); }
            function setVariable(name, value) { __setVariable(name, value); }
            function getInput(name) { return __getInput(name); }
            function getWorkflowInstanceId() { return __instanceId(); }
            function getCorrelationId() { return __getCorrelationId(); }
            function setCorrelationId(value) { __setCorrelationId(value); }
            function isNullOrEmpty(value) { return value === null || value === undefined || value === ''; }
            function isNullOrWhiteSpace(value) { return isNullOrEmpty(value) || String(value).trim() === ''; }
            function toJson(value) { return JSON.stringify(value); }
            function newGuid() { return __newGuid(); }
            function newGuidString() { return __newGuid(); }
            """;

        private readonly HashSet<string> _definedVariables = new(StringComparer.Ordinal);
        private IExpressionContext? _context;

        public JavaScriptEngine()
        {
            Engine = new ScriptEngine { RecursionDepthLimit = 200 };
            Engine.SetGlobalFunction("__getVariable", new Func<string, object>(name => ToJs(Context.GetVariable(name))));
            Engine.SetGlobalFunction("__setVariable", new Action<string, object>((name, value) => Context.SetVariable(name, ToClr(value))));
            // get<Name>() helpers are shared by every definition this pooled engine serves, so they
            // resolve at call time: the current workflow's variable of that name, else its input.
            Engine.SetGlobalFunction("__getNamed", new Func<string, object>(name =>
            {
                try
                {
                    return ToJs(Context.GetVariable(name));
                }
                catch (KeyNotFoundException) when (Context.WorkflowInput.TryGetValue(name, out var input))
                {
                    return ToJs(input);
                }
            }));
            Engine.SetGlobalFunction("__getInput", new Func<string, object>(name =>
                ToJs(Context.WorkflowInput.TryGetValue(name, out var value) ? value : null)));
            Engine.SetGlobalFunction("__instanceId", new Func<string>(() => Context.WorkflowInstanceId));
            Engine.SetGlobalFunction("__getCorrelationId", new Func<object>(() => (object?)Context.CorrelationId ?? Null.Value));
            Engine.SetGlobalFunction("__setCorrelationId", new Action<object>(value => Context.CorrelationId = ToClr(value)?.ToString()));
            Engine.SetGlobalFunction("__newGuid", new Func<string>(() => Guid.NewGuid().ToString()));
            Engine.Execute(Prelude);
        }

        public ScriptEngine Engine { get; }

        private IExpressionContext Context => _context ?? throw new InvalidOperationException("No expression context is bound.");

        public void Bind(IExpressionContext context, string[] variableNames, bool usesInput)
        {
            _context = context;
            foreach (var name in variableNames)
            {
                if (_definedVariables.Add(name))
                    DefineVariableHelpers(name);
            }

            // Elsa's get<Input>() helpers (a variable of the same name wins, see __getNamed).
            foreach (var key in context.WorkflowInput.Keys)
            {
                if (!_definedVariables.Contains(key) && IsIdentifier(key))
                {
                    _definedVariables.Add(key);
                    DefineVariableHelpers(key);
                }
            }

            if (usesInput)
                Engine.SetGlobalValue("input", ToJs(context.WorkflowInput));
        }

        public void Unbind() => _context = null;

        private void DefineVariableHelpers(string name)
        {
            var quoted = Quote(name);
            Engine.Execute($$"""
                function get{{Pascal(name)}}() { return __getNamed({{quoted}}); }
                function set{{Pascal(name)}}(value) { __setVariable({{quoted}}, value); }
                Object.defineProperty(variables, {{quoted}}, {
                    get: function () { return __getVariable({{quoted}}); },
                    set: function (value) { __setVariable({{quoted}}, value); },
                    enumerable: true, configurable: true });
                """);
        }

        private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

        private static string Quote(string value) => JsonSerializer.Serialize(value);

        public object ToJs(object? value) => value switch
        {
            null => Null.Value,
            string or bool or int or double => value,
            long or float or decimal or short or byte => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f and not IEnumerable => f.ToString(null, CultureInfo.InvariantCulture),
            IDictionary dictionary => ToJsObject(dictionary),
            IEnumerable items => Engine.Array.New(items.Cast<object?>().Select(ToJs).ToArray()),
            JsonElement element => ToJs(ValueConverter.Normalize(element)),
            _ => ToJs(ValueConverter.Normalize(JsonSerializer.SerializeToElement(value))),
        };

        private ObjectInstance ToJsObject(IDictionary dictionary)
        {
            var result = Engine.Object.Construct();
            foreach (DictionaryEntry entry in dictionary)
                result.SetPropertyValue(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, ToJs(entry.Value), throwOnError: false);
            return result;
        }

        public object? ToClr(object? value) => value switch
        {
            null or Null or Undefined => null,
            ConcatenatedString s => s.ToString(),
            double d when d == Math.Floor(d) && Math.Abs(d) < int.MaxValue => (int)d,
            ArrayInstance array => array.ElementValues.Select(ToClr).ToList(),
            DateInstance date => new DateTimeOffset(date.Value, TimeSpan.Zero),
            FunctionInstance => throw new ExpressionException("A JavaScript function is not a value a workflow can store."),
            ObjectInstance obj => obj.Properties
                .Where(p => p.IsEnumerable)
                .ToDictionary(p => p.Key.ToString()!, p => ToClr(p.Value)),
            _ => value,
        };
    }
}
