using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Model;

/// <summary>What a composite's completion callback is told: its own context, the child that finished and the child's outcomes.</summary>
public sealed record ActivityCompletedContext(
    ActivityExecutionContext TargetContext,
    ActivityExecutionContext ChildContext,
    IReadOnlyList<string> Outcomes);
