using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Persistence;

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
