namespace Chamber.Workflows.Outbox;

/// <summary>An outbox row.</summary>
public sealed class OutboxRecord
{
    public required string Id { get; set; }
    public required string Channel { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string Payload { get; set; }
    public string? Summary { get; set; }
    public string? InstanceId { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
