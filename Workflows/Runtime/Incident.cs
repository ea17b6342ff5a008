namespace Chamber.Workflows.Runtime;

/// <summary>
/// A fault recorded on an instance. <see cref="WorkItem"/> is what <c>retry</c> runs again; it is
/// null when the fault happened inside a composite's completion handling, which cannot be replayed.
/// </summary>
public sealed record Incident(
    string ActivityId,
    string ActivityType,
    string ContextId,
    string Message,
    string? ExceptionType,
    DateTimeOffset Timestamp,
    WorkItem? WorkItem);
