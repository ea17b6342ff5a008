using System.Text.Json.Nodes;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Workflows.Activities.Primitives;

/// <summary>
/// Elsa's RunJavaScript: runs a script with the workflow's variables, input and Elsa's helpers in
/// scope (under the same limits as a JavaScript expression) and gives its return value as
/// <see cref="Result"/>. Not yet: Elsa's <c>setOutcome()</c> to choose the port.
/// </summary>
[Activity("Elsa.RunJavaScript", "Scripting", "Runs JavaScript with the workflow's variables and Elsa's helpers; its return value is the result.",
    DisplayName = "Run JavaScript")]
public sealed class RunJavaScript : CodeActivity
{
    [Input(Description = "The script; `return` gives the result.", UIHint = InputUIHints.MultiLine)]
    public Input<string>? Script { get; set; }

    [Output(Description = "What the script returned.")]
    public Output<object>? Result { get; set; }

    protected override async ValueTask ExecuteCodeAsync(ActivityExecutionContext context)
    {
        var script = context.Get(Script);
        if (string.IsNullOrWhiteSpace(script))
            return;
        // Parsed once per process whatever instance runs it (the compiler caches prepared scripts by text).
        var compilers = context.Services.GetService<ExpressionCompilers>() ?? ExpressionCompilers.Create(new ExpressionOptions());
        var compiled = compilers.Compile(
            new Expression(ExpressionTypes.JavaScript, JsonValue.Create(script)), typeof(object),
            new ExpressionScope(context.WorkflowExecutionContext.Graph.Variables));
        context.Set(Result, await compiled.EvaluateAsync(context));
    }
}
