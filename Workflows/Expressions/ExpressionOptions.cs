namespace Chamber.Workflows.Expressions;

/// <summary>Which expression types definitions may use (configuration section <c>Expressions</c>).</summary>
public sealed class ExpressionOptions
{
    /// <summary>
    /// C# expressions run inside the Host's process. Even limited to an allow-list of types they
    /// are code that administrators write and the server runs: off unless a deployment chooses
    /// them (ops/DEPLOYMENT.md). JavaScript needs no such choice.
    /// </summary>
    public bool EnableCSharp { get; set; }
}
