using System.Diagnostics;
using System.Text.Json.Nodes;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Tests.Expressions;

/// <summary>
/// JavaScript on Jint as Elsa runs it: Elsa's syntax, an engine of its own per evaluation (nothing
/// leaks from one workflow's script to another's), and limits that stop a script that would run,
/// allocate or recurse without end — or whose workflow is cancelled — instead of holding a thread.
/// </summary>
public sealed class JavaScriptEngineTests
{
    /// <summary>
    /// Small memory and depth limits, and a time limit no loaded test machine reaches: a script is
    /// stopped by the limit its test is about, never by a cold, busy runner's clock (which would
    /// otherwise win the race now and then and name the wrong reason, or fail a plain script).
    /// </summary>
    private static readonly ExpressionCompilers Limited = ExpressionCompilers.Create(new ExpressionOptions
    {
        JavaScript = { Timeout = TimeSpan.FromMinutes(2), MemoryBytes = 16 * 1024 * 1024, MaxRecursionDepth = 64 },
    });

    /// <summary>Only for the test of the time limit itself.</summary>
    private static readonly ExpressionCompilers Quick = ExpressionCompilers.Create(new ExpressionOptions
    {
        JavaScript = { Timeout = TimeSpan.FromMilliseconds(500) },
    });

    [Theory]
    [InlineData("return 1 + 1;", 2)]
    [InlineData("const double = n => n * 2; return double(21);", 42)]
    [InlineData("const { a, ...rest } = { a: 1, b: 2, c: 3 }; return Object.keys(rest).length + a;", 3)]
    [InlineData("let total = 0; for (const n of [1, 2, 3]) total += n; return total;", 6)]
    [InlineData("return [1, 2, 3].map(n => n ** 2).reduce((s, n) => s + n, 0);", 14)]
    [InlineData("return ({ deep: null })?.deep?.value ?? 7;", 7)]
    [InlineData("class Score { constructor(v) { this.v = v; } get twice() { return this.v * 2; } } return new Score(4).twice;", 8)]
    public async Task Elsa_syntax_runs_top_level_return_and_modern_javascript(string code, int expected) =>
        Assert.Equal(expected, Convert.ToInt32(await EvaluateAsync(code), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_global_set_or_a_helper_overridden_by_one_script_is_gone_for_the_next()
    {
        var context = new Context { Variables = { ["Counter"] = 5 } };
        Assert.Equal("ok", await EvaluateAsync("globalThis.leak = 'secret'; getVariable = () => 'hacked'; return 'ok';", context));
        Assert.Equal("undefined", await EvaluateAsync("return typeof leak;", context));
        Assert.Equal("5", await EvaluateAsync("return String(getVariable('Counter'));", context));
    }

    [Fact]
    public async Task A_script_that_runs_too_long_is_stopped_with_the_reason()
    {
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ExpressionException>(() => EvaluateAsync("while (true) {}", compilers: Quick));
        Assert.Contains("longer than 0.5 s", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("const a = []; while (true) a.push(new Array(10000).fill('x'));", "more than 16 MB")]
    [InlineData("function f(n) { return f(n + 1); } return f(0);", "deeper than 64")]
    public async Task A_script_that_would_grow_without_end_is_stopped_with_the_reason(string code, string reason)
    {
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ExpressionException>(() => EvaluateAsync(code));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_script_stops_when_its_workflow_run_is_cancelled()
    {
        // No other limit in the way: only the cancellation can stop it.
        var slow = ExpressionCompilers.Create(new ExpressionOptions { JavaScript = { Timeout = TimeSpan.FromMinutes(5), MaxStatements = int.MaxValue } });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EvaluateAsync("while (true) {}", new Context { Cancellation = cancel.Token }, slow));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_syntax_error_is_reported_when_the_script_is_compiled()
    {
        var error = Assert.Throws<ExpressionException>(() => Compile("return (1 +;", typeof(object), Limited));
        Assert.Contains("syntax", error.Message, StringComparison.OrdinalIgnoreCase);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Elsa_helpers_for_guids_json_and_base64_are_there()
    {
        Assert.Equal("商会", await EvaluateAsync("return stringFromBase64(stringToBase64('商会'));"));
        Assert.Equal(true, await EvaluateAsync("return parseGuid('0F8FAD5B-D9CB-469F-A165-70867728950E') === '0f8fad5b-d9cb-469f-a165-70867728950e';"));
        Assert.Equal(true, await EvaluateAsync("return newGuid() !== newGuid() && newShortGuid().length <= 22 && newShortGuid().length > 16;"));
        Assert.Equal("{\"a\":[1,2]}", await EvaluateAsync("return toJson({ a: [1, 2] });"));
    }

    private static ICompiledExpression Compile(string code, Type target, ExpressionCompilers compilers) =>
        compilers.Compile(new Expression("JavaScript", JsonValue.Create(code)), target, new ExpressionScope([new Chamber.Workflows.Definitions.VariableDefinition("counter", "Counter", "Int32")]));

    private static async Task<object?> EvaluateAsync(string code, Context? context = null, ExpressionCompilers? compilers = null) =>
        await Compile(code, typeof(object), compilers ?? Limited).EvaluateAsync(context ?? new Context());

    private sealed class Context : IExpressionContext
    {
        public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal);

        public CancellationToken Cancellation { get; init; }

        public string WorkflowInstanceId => "instance-1";

        public string? CorrelationId { get; set; }

        public IReadOnlyDictionary<string, object?> WorkflowInput { get; } = new Dictionary<string, object?>();

        public CancellationToken CancellationToken => Cancellation;

        public object? GetVariable(string nameOrId) => Variables.TryGetValue(nameOrId, out var value) ? value : throw new KeyNotFoundException(nameOrId);

        public void SetVariable(string nameOrId, object? value) => Variables[nameOrId] = value;
    }
}
