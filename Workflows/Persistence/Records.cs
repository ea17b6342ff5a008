using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Persistence;

public enum DefinitionStatus
{
    Draft,
    Published,

    /// <summary>Was published; a newer version replaced it. Its running instances continue.</summary>
    Superseded,

    /// <summary>Taken out of service: no new instances; running ones continue.</summary>
    Retracted,
}

/// <summary>One version of a definition; <see cref="Json"/> is the Elsa-3 document as written by our writer.</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public DefinitionStatus Status { get; set; }
    public bool IsLatest { get; set; }
    public required string Json { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
}

/// <summary>A timer trigger of a published definition and its next occurrence (see <c>Timers/ScheduledStarts</c>).</summary>
public sealed class WorkflowScheduleRecord
{
    /// <summary><c>{definitionId}/{activityId}</c>: one row per trigger, whichever version is published.</summary>
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string ActivityId { get; set; }

    /// <summary>The schedule's stored form (<see cref="Timers.TriggerSchedule.Spec"/>).</summary>
    public required string Spec { get; set; }

    /// <summary>Null once a one-time trigger has fired: the row stays so that a republish does not fire it again.</summary>
    public DateTime? NextDueAt { get; set; }
    public DateTime? LastFiredAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An instance row: lifecycle fields as columns for queries, the rest as a JSON state document.</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionVersionId { get; set; }
    public int Version { get; set; }
    public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; set; }
    public string? ParentBookmarkId { get; set; }
    public required string State { get; set; }
    public int IncidentCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>Optimistic concurrency token: every commit increments it and requires the value it loaded.</summary>
    public long RowVersion { get; set; }
}

/// <summary>The lookup index of a bookmark (the bookmark itself is part of the instance state).</summary>
public sealed class BookmarkRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string Name { get; set; }
    public string? Key { get; set; }
    public string? CorrelationId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>An indexed label chosen by the activity (for a task: its assignee).</summary>
    public string? Tag { get; set; }

    /// <summary>The bookmark's payload as JSON, for lists that must not load the instance.</summary>
    public string? Payload { get; set; }
}

/// <summary>The journal entries of one commit of an instance (one row per commit keeps writes cheap).</summary>
public sealed class JournalSegmentRecord
{
    public required string InstanceId { get; set; }
    public long Sequence { get; set; }
    public required string Entries { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum DispatchKind
{
    /// <summary>Run a Pending instance (a child created by its parent's commit).</summary>
    RunInstance,

    /// <summary>Resume a bookmark with <see cref="DispatchRecord.Payload"/> as input (a parent whose child ended).</summary>
    ResumeBookmark,

    /// <summary>Cancel an instance (a child whose parent stopped waiting for it).</summary>
    CancelInstance,
}

/// <summary>
/// Durable follow-up work written in the same transaction as the commit that causes it and
/// deleted in the same transaction as the commit that performs it: exactly once, across crashes.
/// </summary>
public sealed class DispatchRecord
{
    public required string Id { get; set; }
    public DispatchKind Kind { get; set; }
    public required string InstanceId { get; set; }
    public string? BookmarkId { get; set; }
    public string? Payload { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Failed attempts so far; each one pushes <see cref="NextAttemptAt"/> further out.</summary>
    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failures: 2 s, 4 s, 8 s … at most 10 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Clamp(attempts, 1, 10))));
}
