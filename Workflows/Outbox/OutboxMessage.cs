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
/// <param name="DeliverAt">
/// Not to be delivered before this moment (a 督办 waits for the leaders' daily digest); at once when null.
/// </param>
public sealed record OutboxMessage(
    string Id,
    string Channel,
    string IdempotencyKey,
    string Payload,
    string? Summary,
    string? InstanceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliverAt = null);
