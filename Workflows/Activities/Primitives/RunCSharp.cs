using Chamber.Workflows.Expressions;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Activities.Primitives;

/// <summary>Elsa's RunCSharp: refused with the reason unless the host enables C# expressions.</summary>
[Activity("Elsa.RunCSharp", "Scripting", "Runs C# with the workflow's variables (only where C# expressions are enabled); its return value is the result.",
    DisplayName = "Run C#")]
public sealed class RunCSharp() : ScriptActivity(ExpressionTypes.CSharp);
