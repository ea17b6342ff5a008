using System.Text.Json;

namespace Chamber.Workflows.Runtime;

/// <summary>
/// A point where a workflow waits to be resumed: an event, a child workflow, a timer, a user task.
/// <see cref="Name"/> says what kind of wait it is (usually the activity type) and <see cref="Key"/>
/// what it waits for (an event name, a child instance id), so resumers can find it by index.
/// </summary>
public sealed record Bookmark(
    string Id,
    string Name,
    string? Key,
    string ActivityId,
    string ActivityType,
    string ContextId,
    string? Callback,
    JsonElement? Payload,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt = null,
    string? Tag = null);
