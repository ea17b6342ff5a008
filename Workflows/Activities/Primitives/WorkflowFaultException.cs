namespace Chamber.Workflows.Activities.Primitives;

/// <summary>A fault raised on purpose by a workflow (Elsa.Fault).</summary>
public sealed class WorkflowFaultException(string message) : Exception(message);
