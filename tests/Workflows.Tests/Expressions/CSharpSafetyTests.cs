using System.Text.Json.Nodes;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Tests.Expressions;

/// <summary>
/// C# expressions are code the server runs: off unless a host enables them, and when on, kept to
/// values, text, dates, collections, LINQ, JSON and the workflow's variables — a probe once started
/// /bin/sh through one.
/// </summary>
public sealed class CSharpSafetyTests
{
    [Theory]
    [InlineData("return System.IO.File.ReadAllText(\"/etc/passwd\");", "System.IO.File")]
    [InlineData("return System.Diagnostics.Process.Start(\"/bin/sh\").Id;", "System.Diagnostics.Process")]
    [InlineData("return Environment.GetEnvironmentVariable(\"ConnectionStrings__Workflows\");", "System.Environment")]
    [InlineData("return typeof(string).Assembly.Location;", "System.Type")]
    [InlineData("return \"x\".GetType().Assembly.FullName;", "GetType")]
    [InlineData("return ((dynamic)Input).ToString();", "dynamic")]
    [InlineData("return AppDomain.CurrentDomain.BaseDirectory;", "System.AppDomain")]
    [InlineData("return new System.Net.Http.HttpClient().BaseAddress;", "System.Net.Http.HttpClient")]
    [InlineData("System.Threading.Thread.Sleep(1000); return 1;", "System.Threading.Thread")]
    [InlineData("return Type.GetType(\"System.IO.File\");", "System.Type")]
    [InlineData("return ((Chamber.Workflows.Runtime.WorkflowRunner)null!).ToString();", "Chamber.Workflows.Runtime.WorkflowRunner")]
    public void A_csharp_expression_that_reaches_outside_values_is_refused_with_what_it_used(string code, string named)
    {
        var error = Assert.Throws<ExpressionException>(() => Compile(ExpressionCompilers.All, code));
        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("return string.Join(\",\", new[] { 3, 1, 2 }.OrderBy(n => n).Select(n => $\"#{n}\"));")]
    [InlineData("return DateTime.Parse(\"2026-04-30\").AddDays(1).ToString(\"yyyy-MM-dd\", System.Globalization.CultureInfo.InvariantCulture);")]
    [InlineData("var list = new List<int> { 1, 2 }; return Math.Max(list.Sum(), 0) + System.Text.Json.JsonSerializer.Serialize(new { a = 1 }).Length;")]
    public void Values_text_dates_collections_linq_and_json_are_allowed(string code) => Compile(ExpressionCompilers.All, code);

    [Fact]
    public void A_host_without_csharp_enabled_refuses_every_csharp_expression_and_says_how_to_write_it()
    {
        var error = Assert.Throws<ExpressionException>(() => Compile(ExpressionCompilers.Create(new ExpressionOptions()), "return 1 + 1;"));
        Assert.Contains("Expressions:EnableCSharp", error.Message, StringComparison.Ordinal);
        Assert.Contains("JavaScript", error.Message, StringComparison.Ordinal);
    }

    private static ICompiledExpression Compile(ExpressionCompilers compilers, string code) =>
        compilers.Compile(new Expression("CSharp", JsonValue.Create(code)), typeof(object), new ExpressionScope([]));
}
