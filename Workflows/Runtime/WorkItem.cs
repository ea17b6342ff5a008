using System.Text.Json;

namespace Chamber.Workflows.Runtime;

/// <summary>
/// Scheduled work. Plain data, so a faulted instance's pending work is persisted with it and
/// <c>retry</c> can continue in another process.
/// </summary>
public sealed record WorkItem(
    WorkItemKind Kind,
    string ActivityId,
    string? OwnerContextId,
    string? Callback,
    string? ContextId = null,
    JsonElement? Input = null,
    Dictionary<string, JsonElement>? Variables = null,
    string? Tag = null);
