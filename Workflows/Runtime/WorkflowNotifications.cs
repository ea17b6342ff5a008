using Mediator;

namespace Chamber.Workflows.Runtime;

/// <summary>
/// Published after an instance's step is committed (started, resumed, finished, faulted,
/// cancelled): modules that care subscribe instead of the engine calling them. Sent only once the
/// commit is durable, so a subscriber never sees a step that did not happen.
/// </summary>
/// <param name="TaskTags">
/// The tags of the bookmarks this step created or removed (an inbox's tasks: <c>user:…</c> or
/// <c>role:…</c>), so that whoever holds one of them knows their list changed.
/// </param>
public sealed record WorkflowInstanceCommitted(
    string InstanceId,
    string DefinitionId,
    WorkflowStatus Status,
    string? CorrelationId,
    IReadOnlyList<string> TaskTags) : INotification;
