namespace Chamber.Workflows.Expressions;

/// <summary>Which expression types definitions may use, and the limits of scripts (configuration section <c>Expressions</c>).</summary>
public sealed class ExpressionOptions
{
    /// <summary>
    /// C# expressions run inside the Host's process. Even limited to an allow-list of types they
    /// are code that administrators write and the server runs: off unless a deployment chooses
    /// them (ops/DEPLOYMENT.md). JavaScript needs no such choice.
    /// </summary>
    public bool EnableCSharp { get; set; }

    public JavaScriptLimits JavaScript { get; set; } = new();
}

/// <summary>
/// What one JavaScript evaluation may spend before it is stopped and its step faults with the
/// reason (Elsa's Jint limits; Elsa allows 30 s, an expression here is a condition or a value and
/// needs milliseconds). A workflow that is cancelled stops its running script too.
/// </summary>
public sealed class JavaScriptLimits
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Memory one evaluation may allocate.</summary>
    public long MemoryBytes { get; set; } = 64 * 1024 * 1024;

    public int MaxStatements { get; set; } = 10_000_000;

    public int MaxRecursionDepth { get; set; } = 256;
}
