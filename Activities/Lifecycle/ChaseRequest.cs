namespace Chamber.Campaigns.Lifecycle;

/// <summary>Whom to chase: the chambers picked in the list, or every participant in a status (pending or overdue).</summary>
/// <param name="Note">Staff's message, added to the e-mail.</param>
public sealed record ChaseRequest(IReadOnlyList<string>? ChamberIds, string? Status, string? Note);
