namespace Chamber.Workflows.Persistence;

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
