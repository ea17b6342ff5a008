using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities.Children;

/// <summary>What a parent receives when a child it waits for ends, with the outcomes its root completed with.</summary>
public sealed record ChildWorkflowResult(string WorkflowInstanceId, WorkflowStatus Status, Dictionary<string, object?>? Output, string? Fault, string[]? Outcomes = null);
