namespace Chamber.Campaigns.Tasks;

/// <summary>A task someone answered (已办).</summary>
public sealed class TaskHistoryRecord
{
    public required string TaskId { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Assignee { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime CompletedAt { get; set; }
}
