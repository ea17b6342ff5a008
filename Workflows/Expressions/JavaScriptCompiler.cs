using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Script = Acornima.Ast.Script;

namespace Chamber.Workflows.Expressions;

/// <summary>
/// JavaScript expressions on Jint 4, Elsa 3's own engine, as Elsa runs them: a script may
/// <c>return</c> at the top level and use modern syntax, and sees Elsa's helpers —
/// <c>getVariable</c>/<c>setVariable</c>, <c>getX()</c>/<c>setX(v)</c> per variable and input,
/// <c>variables.X</c>, <c>getInput</c>/<c>input</c>, <c>getWorkflowInstanceId</c>,
/// <c>getCorrelationId</c>/<c>setCorrelationId</c>, <c>getCurrentValue</c> (in a loop's body), <c>isNullOrEmpty</c>,
/// <c>isNullOrWhiteSpace</c>, <c>toJson</c>, <c>parseGuid</c>, <c>newGuid</c>,
/// <c>newGuidString</c>, <c>newShortGuid</c> and the base64 helpers.
/// </summary>
/// <remarks>
/// Scripts are parsed once per process. Each evaluation gets an engine of its own, as in Elsa: no
/// global a script sets, and no helper it overrides, reaches another evaluation. Each is bounded
/// by <see cref="JavaScriptLimits"/> and stops when its workflow's run is cancelled, so a script
/// that never returns faults its step instead of holding a thread.
/// </remarks>
public sealed partial class JavaScriptCompiler(JavaScriptLimits limits) : IExpressionCompiler
{
    private static readonly ConcurrentDictionary<string, Prepared<Script>> Prepared = new(StringComparer.Ordinal);

    private static readonly ScriptPreparationOptions Preparation = new()
    {
        ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = true },
        // Which names the script uses: an evaluation defines only those helpers (creating each costs; most scripts use one or two).
        CollectReferencedGlobals = true,
    };

    /// <summary>Names through which a script can reach a global it does not name; with any of them every helper is defined.</summary>
    private static readonly string[] DynamicCodeSignals = ["eval", "Function", "globalThis"];

    public string Type => ExpressionTypes.JavaScript;

    public ICompiledExpression Compile(Expression expression, Type targetType, ExpressionScope scope)
    {
        var source = expression.Text ?? "";
        Prepared<Script> script;
        try
        {
            script = Prepared.GetOrAdd(source, static s => Engine.PrepareScript(s, options: Preparation));
        }
        catch (Exception e) when (e is ScriptPreparationException or Acornima.ParseErrorException)
        {
            throw new ExpressionException(ReaderText.Of("JavaScript 语法错误：", "JavaScript syntax error: ") + (e.InnerException ?? e).Message, e);
        }

        var variableNames = scope.Variables.Select(v => v.Name).Where(IsIdentifier).Distinct(StringComparer.Ordinal)
            .Select(name => new VariableHelpers(name, "get" + ElsaHelpers.Pascal(name), "set" + ElsaHelpers.Pascal(name))).ToArray();
        var referenced = script.ReferencedGlobals is { HasDirectEvalCall: false } globals && !DynamicCodeSignals.Any(globals.Contains)
            ? globals
            : null;
        var inputNames = (scope.InputNames ?? []).Where(IsIdentifier).Distinct(StringComparer.Ordinal).ToArray();
        return new JavaScriptExpression(script, targetType, variableNames, inputNames, referenced, limits);
    }

    internal static bool IsIdentifier(string name) => IdentifierPattern().IsMatch(name);

    /// <summary>getResultFromScore → (Result, Score).</summary>
    [GeneratedRegex(@"^get([A-Z][\p{L}\p{Nd}_]*)From([\p{L}\p{Nd}_]+)$")]
    private static partial Regex OutputHelper();

    [GeneratedRegex(@"^[\p{L}_$][\p{L}\p{Nd}_$]*$")]
    private static partial Regex IdentifierPattern();


    /// <summary>A variable and the names of its get/set helpers, worked out once per expression.</summary>
    private readonly record struct VariableHelpers(string Name, string Getter, string Setter);

    private sealed class JavaScriptExpression(Prepared<Script> script, Type targetType, VariableHelpers[] variableNames, string[] inputNames,
        ReferencedGlobals? referenced, JavaScriptLimits limits) : ICompiledExpression
    {
        public ValueTask<object?> EvaluateAsync(IExpressionContext context)
        {
            var engine = new Engine(options =>
            {
                options.Constraint(new DeadlineConstraint(limits.Timeout, context.CancellationToken));
                options.LimitMemory(limits.MemoryBytes);
                options.MaxStatements(limits.MaxStatements);
                options.LimitRecursion(limits.MaxRecursionDepth);
            });
            try
            {
                new ElsaHelpers(engine, context, referenced).Define(variableNames, inputNames);
                var result = ElsaHelpers.ToClr(engine.Evaluate(script));
                return ValueTask.FromResult(ValueConverter.Convert(result, targetType));
            }
            catch (TimeoutException e)
            {
                throw new ExpressionException(ReaderText.Of(
                    $"JavaScript 运行超过 {limits.Timeout.TotalSeconds:0.#} 秒，已被终止", $"The JavaScript ran longer than {limits.Timeout.TotalSeconds:0.#} s and was stopped."), e);
            }
            catch (MemoryLimitExceededException e)
            {
                throw new ExpressionException(ReaderText.Of(
                    $"JavaScript 占用内存超过 {limits.MemoryBytes / (1024 * 1024)} MB，已被终止", $"The JavaScript used more than {limits.MemoryBytes / (1024 * 1024)} MB and was stopped."), e);
            }
            catch (StatementsCountOverflowException e)
            {
                throw new ExpressionException(ReaderText.Of(
                    $"JavaScript 执行的语句超过 {limits.MaxStatements:N0} 条，已被终止", $"The JavaScript ran more than {limits.MaxStatements:N0} statements and was stopped."), e);
            }
            catch (RecursionDepthOverflowException e)
            {
                throw new ExpressionException(ReaderText.Of(
                    $"JavaScript 递归调用超过 {limits.MaxRecursionDepth} 层，已被终止", $"The JavaScript recursed deeper than {limits.MaxRecursionDepth} calls and was stopped."), e);
            }
            catch (ExecutionCanceledException e)
            {
                throw new OperationCanceledException(
                    ReaderText.Of("JavaScript 运行期间，流程的本次运行被取消", "The workflow's run was cancelled while its JavaScript ran."), e, context.CancellationToken);
            }
            catch (JavaScriptException e)
            {
                throw new ExpressionException(ReaderText.Of("JavaScript 错误：", "JavaScript error: ") + e.Message, e);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                throw new ExpressionException(ReaderText.Of(
                    $"JavaScript 的结果不能用作 {TypeAliases.NameOf(targetType)}：{e.Message}", $"The JavaScript result cannot be used as {TypeAliases.NameOf(targetType)}: {e.Message}"), e);
            }
        }
    }

    /// <summary>
    /// Jint's time limit and cancellation in one check that costs a clock read: Jint's own timeout
    /// starts a timer for every evaluation, which was a fifth of the cost of a short expression.
    /// </summary>
    private sealed class DeadlineConstraint(TimeSpan timeout, CancellationToken cancellation) : Constraint
    {
        private long _deadline;

        public override void Reset() => _deadline = System.Diagnostics.Stopwatch.GetTimestamp()
            + (long)(timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);

        public override void Check()
        {
            if (cancellation.IsCancellationRequested)
                throw new ExecutionCanceledException();
            if (System.Diagnostics.Stopwatch.GetTimestamp() > _deadline)
                throw new TimeoutException();
        }
    }

    /// <summary>Elsa's helpers on one engine, bound to one expression context: those the script names (all when that is unknown).</summary>
    private sealed class ElsaHelpers(Engine engine, IExpressionContext context, ReferencedGlobals? referenced)
    {
        private bool Uses(string name) => referenced is null || referenced.Contains(name);

        /// <summary>
        /// Elsa's fixed helpers by name. Only those a script names are put on its engine (all of them
        /// when the names cannot be known), so an evaluation pays for what it uses.
        /// </summary>
        private static readonly FrozenDictionary<string, Func<ElsaHelpers, JsValue[], JsValue>> Fixed =
            new Dictionary<string, Func<ElsaHelpers, JsValue[], JsValue>>
            {
                ["getVariable"] = static (h, args) => h.Js(h.Context.GetVariable(Text(args, 0))),
                ["setVariable"] = static (h, args) =>
                {
                    h.Context.SetVariable(Text(args, 0), ToClr(Arg(args, 1)));
                    return JsValue.Undefined;
                },
                ["getInput"] = static (h, args) => h.Js(h.Context.WorkflowInput.GetValueOrDefault(Text(args, 0))),
                ["getWorkflowInstanceId"] = static (h, _) => h.Context.WorkflowInstanceId,
                ["getWorkflowDefinitionId"] = static (h, _) => h.Context.WorkflowDefinition.DefinitionId is { } id ? id : JsValue.Null,
                ["getWorkflowDefinitionVersionId"] = static (h, _) => h.Context.WorkflowDefinition.VersionId is { } id ? id : JsValue.Null,
                ["getWorkflowDefinitionVersion"] = static (h, _) => h.Context.WorkflowDefinition.Version,
                ["getCurrentValue"] = static (h, _) => h.Js(h.Context.GetCurrentValue()),
                ["getOutputFrom"] = static (h, args) => h.Js(h.Context.GetOutput(Text(args, 0), Arg(args, 1).IsUndefined() ? null : Text(args, 1))),
                ["getLastResult"] = static (h, _) => h.Js(h.Context.GetLastResult()),
                // Only a Run JavaScript script may choose its ports; anywhere else these fault with a message.
                ["setOutcome"] = static (h, args) =>
                {
                    h.Context.SetOutcomes([Text(args, 0)]);
                    return JsValue.Undefined;
                },
                ["setOutcomes"] = static (h, args) =>
                {
                    h.Context.SetOutcomes(ToClr(Arg(args, 0)) is IEnumerable names and not string
                        ? [.. names.Cast<object?>().Select(n => n?.ToString() ?? "")]
                        : [Text(args, 0)]);
                    return JsValue.Undefined;
                },
                ["getCorrelationId"] = static (h, _) => h.Context.CorrelationId is { } id ? id : JsValue.Null,
                ["setCorrelationId"] = static (h, args) =>
                {
                    h.Context.CorrelationId = ToClr(Arg(args, 0))?.ToString();
                    return JsValue.Undefined;
                },
                ["isNullOrEmpty"] = static (_, args) => Arg(args, 0) is var v && (v.IsNull() || v.IsUndefined() || (v.IsString() && v.AsString().Length == 0)),
                ["isNullOrWhiteSpace"] = static (_, args) => Arg(args, 0) is var v && (v.IsNull() || v.IsUndefined() || string.IsNullOrWhiteSpace(TypeConverter.ToString(v))),
                ["toJson"] = static (_, args) => JsonSerializer.Serialize(ToClr(Arg(args, 0))),
                ["parseGuid"] = static (_, args) => Guid.Parse(Text(args, 0)).ToString(),
                ["newGuid"] = static (_, _) => Guid.NewGuid().ToString(),
                ["newGuidString"] = static (_, _) => Guid.NewGuid().ToString(),
                ["getGuidString"] = static (_, _) => Guid.NewGuid().ToString(),
                ["newShortGuid"] = static (_, _) => ShortGuid(),
                ["getShortGuid"] = static (_, _) => ShortGuid(),
                ["stringToBase64"] = static (_, args) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(args, 0))),
                ["stringFromBase64"] = static (_, args) => Encoding.UTF8.GetString(Convert.FromBase64String(Text(args, 0))),
            }.ToFrozenDictionary(StringComparer.Ordinal);

        private IExpressionContext Context => context;

        private JsValue Js(object? value) => ToJs(engine, value);

        public void Define(VariableHelpers[] variableNames, string[] inputNames)
        {
            if (referenced is null)
            {
                foreach (var (name, body) in Fixed)
                    Put(name, body);
            }
            else
            {
                foreach (var name in referenced)
                {
                    if (Fixed.TryGetValue(name, out var body))
                        Put(name, body);
                }
            }

            // get<Output>From<Activity>(): Elsa's per-output helpers, for the names the script uses.
            foreach (var name in referenced is null ? [] : (IEnumerable<string>)referenced)
            {
                if (name.Contains("From", StringComparison.Ordinal) && !Fixed.ContainsKey(name) && OutputHelper().Match(name) is { Success: true } helper)
                {
                    var (output, activity) = (helper.Groups[1].Value, helper.Groups[2].Value);
                    Function(name, _ => ToJs(engine, context.GetOutput(activity, output) ?? context.GetOutput(char.ToLowerInvariant(activity[0]) + activity[1..], output)));
                }
            }

            var variables = Uses("variables") ? new JsObject(engine) : null;
            foreach (var (name, getter, setter) in variableNames)
            {
                var quoted = name;
                if (Uses(getter))
                    Function(getter, _ => ToJs(engine, context.GetVariable(quoted)));
                if (Uses(setter))
                {
                    Function(setter, args =>
                    {
                        context.SetVariable(quoted, ToClr(Arg(args, 0)));
                        return JsValue.Undefined;
                    });
                }

                variables?.DefineOwnProperty(name, new GetSetPropertyDescriptor(
                    new ClrFunction(engine, "get " + name, (_, _) => ToJs(engine, context.GetVariable(quoted))),
                    new ClrFunction(engine, "set " + name, (_, args) =>
                    {
                        context.SetVariable(quoted, ToClr(Arg(args, 0)));
                        return JsValue.Undefined;
                    }),
                    enumerable: true, configurable: true));
            }

            if (variables is not null)
                engine.SetValue("variables", variables);

            DefineInputHelpers(variableNames, inputNames);

            if (Uses("input"))
                engine.SetValue("input", ToJs(engine, context.WorkflowInput));
        }

        /// <summary>
        /// Elsa's get&lt;Input&gt;() helpers: one per input the workflow was given, and one per declared
        /// input it was not given (reading null); a variable of the same name keeps its own. Only the
        /// names the script uses are looked up, so a large input costs nothing to scripts that ignore it.
        /// </summary>
        private void DefineInputHelpers(VariableHelpers[] variableNames, string[] inputNames)
        {
            if (referenced is null)
            {
                foreach (var key in context.WorkflowInput.Keys.Where(IsIdentifier).Concat(inputNames).Distinct(StringComparer.Ordinal))
                    DefineInputHelper("get" + Pascal(key), key, variableNames, inputNames);
                return;
            }

            foreach (var name in referenced)
            {
                if (name.Length > 3 && name.StartsWith("get", StringComparison.Ordinal) && engine.GetValue(name).IsUndefined())
                    DefineInputHelper(name, null, variableNames, inputNames);
            }
        }

        private void DefineInputHelper(string helper, string? key, VariableHelpers[] variableNames, string[] inputNames)
        {
            key ??= FindKey(context.WorkflowInput.Keys, helper) ?? FindKey(inputNames, helper);
            if (key is null || !IsIdentifier(key) || variableNames.Any(v => v.Name == key))
                return;
            var value = context.WorkflowInput.GetValueOrDefault(key);
            engine.SetValue(helper, new ClrFunction(engine, helper, (_, _) => ToJs(engine, value)));
        }

        // "city" and "City" are both read by getCity().
        private static string? FindKey(IEnumerable<string> keys, string helper)
        {
            var wanted = helper.AsSpan(3);
            foreach (var key in keys)
            {
                if (key.Length == wanted.Length && char.ToUpperInvariant(key[0]) == wanted[0] && key.AsSpan(1).SequenceEqual(wanted[1..]))
                    return key;
            }

            return null;
        }

        private void Put(string name, Func<ElsaHelpers, JsValue[], JsValue> body) =>
            engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(this, args)));

        private void Function(string name, Func<JsValue[], JsValue> body)
        {
            if (Uses(name))
                engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args)));
        }

        private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

        private static string Text(JsValue[] args, int index) => TypeConverter.ToString(Arg(args, index));

        private static string ShortGuid() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace("/", "", StringComparison.Ordinal)
            .Replace("+", "", StringComparison.Ordinal).Replace("=", "", StringComparison.Ordinal);

        public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

        /// <summary>A workflow value as a plain JavaScript value: objects and arrays are the script's own, not views of .NET objects.</summary>
        public static JsValue ToJs(Engine engine, object? value) => value switch
        {
            null => JsValue.Null,
            JsValue js => js,
            string s => s,
            bool b => b,
            int or long or short or byte or float or double or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            Guid g => g.ToString(),
            IFormattable f and not IEnumerable => f.ToString(null, CultureInfo.InvariantCulture),
            IDictionary dictionary => ToJsObject(engine, dictionary),
            IEnumerable items => new JsArray(engine, [.. items.Cast<object?>().Select(i => ToJs(engine, i))]),
            JsonElement element => ToJs(engine, ValueConverter.Normalize(element)),
            // As the instance's state stores it (camelCase): a script reads an object the same before and after the instance is saved and loaded.
            _ => ToJs(engine, ValueConverter.Normalize(JsonSerializer.SerializeToElement(value, Runtime.StateJson.Options))),
        };

        private static JsObject ToJsObject(Engine engine, IDictionary dictionary)
        {
            var result = new JsObject(engine);
            foreach (DictionaryEntry entry in dictionary)
                result.Set(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, ToJs(engine, entry.Value));
            return result;
        }

        /// <summary>A script's value as the workflow stores it: numbers that are whole become integers, objects dictionaries, arrays lists.</summary>
        public static object? ToClr(JsValue value) => value switch
        {
            _ when value.IsNull() || value.IsUndefined() => null,
            _ when value.IsString() => value.AsString(),
            _ when value.IsBoolean() => value.AsBoolean(),
            _ when value.IsNumber() => value.AsNumber() is var d && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d : d,
            _ when value.IsDate() => new DateTimeOffset(value.AsDate().ToDateTime(), TimeSpan.Zero),
            _ when value.IsArray() => value.AsArray().Select(ToClr).ToList(),
            Jint.Native.Function.Function => throw new ExpressionException(ReaderText.Of("JavaScript 函数不是流程可以保存的值", "A JavaScript function is not a value a workflow can store.")),
            ObjectInstance obj => obj.GetOwnProperties()
                .Where(p => p.Value.Enumerable && p.Key.IsString())
                .ToDictionary(p => p.Key.ToString(), p => ToClr(obj.Get(p.Key))),
            _ => value.ToObject(),
        };
    }
}
