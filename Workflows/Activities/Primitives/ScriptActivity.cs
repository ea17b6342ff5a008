using System.Text.Json.Nodes;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Workflows.Activities.Primitives;

/// <summary>
/// Elsa's script activities (RunJavaScript, RunCSharp): run a script with the workflow's variables
/// and input in scope — under the same rules and limits as an expression of that language (C# only
/// where the host enables it) — and give its return value as <see cref="Result"/>.
/// Not yet: Elsa's <c>setOutcome()</c> to choose the port.
/// </summary>
public abstract class ScriptActivity(string language) : CodeActivity
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
        // The host's compilers decide what runs (C# only when enabled); scripts are parsed once per process.
        var compilers = context.Services.GetService<ExpressionCompilers>() ?? ExpressionCompilers.Create(new ExpressionOptions());
        var compiled = compilers.Compile(new Expression(language, JsonValue.Create(script)), typeof(object),
            new ExpressionScope(context.WorkflowExecutionContext.Graph.Variables));
        context.Set(Result, await compiled.EvaluateAsync(context));
    }
}
