using System.Text.Json.Nodes;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Workflows.Activities.Primitives;

/// <summary>
/// Elsa's script activities (RunJavaScript, RunCSharp): run a script with the workflow's variables
/// and input in scope — under the same rules and limits as an expression of that language (C# only
/// where the host enables it) — and give its return value as <see cref="Result"/>. A JavaScript
/// script may choose its ports with Elsa's <c>setOutcome('Name')</c> or <c>setOutcomes([...])</c>,
/// among <see cref="PossibleOutcomes"/>; otherwise it continues on Done.
/// </summary>
public abstract class ScriptActivity(string language) : Activity
{
    [Input(Description = "The script; `return` gives the result.", UIHint = InputUIHints.MultiLine)]
    public Input<string>? Script { get; set; }

    [Input(DisplayName = "Possible outcomes", Description = "The ports the script may choose with setOutcome().", UIHint = InputUIHints.DynamicOutcomes)]
    public Input<string[]>? PossibleOutcomes { get; set; }

    [Output(Description = "What the script returned.")]
    public Output<object>? Result { get; set; }

    public override IEnumerable<string> GetDynamicOutcomes() => PossibleOutcomes?.TryGetConstant(out var names) == true ? names! : [];

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var script = context.Get(Script);
        if (string.IsNullOrWhiteSpace(script))
        {
            await context.CompleteActivityAsync();
            return;
        }

        // The host's compilers decide what runs (C# only when enabled); scripts are parsed once per process.
        var compilers = context.Services.GetService<ExpressionCompilers>() ?? ExpressionCompilers.Create(new ExpressionOptions());
        var compiled = compilers.Compile(new Expression(language, JsonValue.Create(script)), typeof(object), context.WorkflowExecutionContext.Graph.Scope);
        context.Set(Result, await compiled.EvaluateAsync(context));
        await context.CompleteActivityAsync(context.ChosenOutcomes is { Count: > 0 } chosen ? [.. chosen] : [Outcomes.Done]);
    }
}
