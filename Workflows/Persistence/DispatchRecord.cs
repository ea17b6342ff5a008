namespace Chamber.Workflows.Persistence;

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
