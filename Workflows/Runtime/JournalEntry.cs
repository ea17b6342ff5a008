namespace Chamber.Workflows.Runtime;

/// <summary>One line of an instance's journal.</summary>
public sealed record JournalEntry(
    DateTimeOffset Timestamp,
    string? ActivityId,
    string? ActivityType,
    string EventName,
    string? Message = null);
