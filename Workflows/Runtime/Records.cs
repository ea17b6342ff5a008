using System.Text.Json;

namespace Chamber.Workflows.Runtime;

public enum WorkflowStatus
{
    /// <summary>Created by a parent workflow and not started yet (runs after the parent's commit).</summary>
    Pending,
    Running,
    Suspended,
    Finished,
    Faulted,
    Cancelled,
}

public static class WorkflowStatusExtensions
{
    /// <summary>Finished and Cancelled instances never run again (a Faulted one can be retried).</summary>
    public static bool IsTerminal(this WorkflowStatus status) => status is WorkflowStatus.Finished or WorkflowStatus.Cancelled;
}

public enum ActivityStatus
{
    Running,
    Completed,
    Faulted,
    Cancelled,
}

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

/// <summary>One line of an instance's journal.</summary>
public sealed record JournalEntry(
    DateTimeOffset Timestamp,
    string? ActivityId,
    string? ActivityType,
    string EventName,
    string? Message = null);

public enum WorkItemKind
{
    Execute,
    Resume,
}

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

/// <summary>A child workflow instance to create in the parent's commit and run after it.</summary>
public sealed record ChildWorkflowRequest(
    string InstanceId,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    Dictionary<string, object?> Input,
    string? CorrelationId,
    string? ParentBookmarkId);

public static class JournalEvents
{
    public const string WorkflowStarted = "WorkflowStarted";
    public const string WorkflowResumed = "WorkflowResumed";
    public const string WorkflowSuspended = "WorkflowSuspended";
    public const string WorkflowFinished = "WorkflowFinished";
    public const string WorkflowFaulted = "WorkflowFaulted";
    public const string WorkflowCancelled = "WorkflowCancelled";
    public const string WorkflowRetried = "WorkflowRetried";
    public const string Started = "Started";
    public const string Completed = "Completed";
    public const string Faulted = "Faulted";
    public const string Cancelled = "Cancelled";
    public const string Suspended = "Suspended";
    public const string Resumed = "Resumed";
    public const string Message = "Message";
}
