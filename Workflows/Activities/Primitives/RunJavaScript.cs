using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Activities.Primitives;

/// <summary>Elsa's RunJavaScript: a script on Jint with Elsa's helpers; its return value is the result.</summary>
[Activity("Elsa.RunJavaScript", "Scripting", "Runs JavaScript with the workflow's variables and Elsa's helpers; its return value is the result.",
    DisplayName = "Run JavaScript")]
public sealed class RunJavaScript() : ScriptActivity(ExpressionTypes.JavaScript);
