namespace Chamber.Workflows.Outbox;

/// <summary>
/// A message a workflow step asks to be sent (an e-mail, a notice). It is written in the same
/// transaction as the step that asked for it — if the step's commit loses a race or fails, the
/// message was never asked for — and delivered afterwards by the sender of its channel.
/// </summary>
/// <param name="IdempotencyKey">
/// Unique across the outbox: a second message with the same key is dropped at commit. Callers that
/// may ask twice for the same thing (a reminder for one participant, stage and day) say so here.
/// </param>
/// <param name="Summary">One line for lists (recipient and subject), not used for delivery.</param>
public sealed record OutboxMessage(
    string Id,
    string Channel,
    string IdempotencyKey,
    string Payload,
    string? Summary,
    string? InstanceId,
    DateTimeOffset CreatedAt);

public enum OutboxStatus
{
    /// <summary>Waiting for its first attempt or, after a failure, for the next one.</summary>
    Pending,

    /// <summary>Claimed by a sender until its lease runs out (a sender that died leaves it to be claimed again).</summary>
    Sending,

    Sent,

    /// <summary>Given up after the last attempt; an administrator can send it again.</summary>
    Failed,
}

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
