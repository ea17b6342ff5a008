namespace Chamber.Workflows.Runtime;

/// <summary>The instance, bookmark or definition asked for does not exist (HTTP 404).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);

/// <summary>The request conflicts with the instance's current state, e.g. a bookmark already resumed (HTTP 409).</summary>
public sealed class WorkflowConflictException(string message, Exception? inner = null) : Exception(message, inner);
