namespace Chamber.Campaigns.Escalations;

/// <summary>When the leaders' daily 督办 digest goes out (configuration section <c>LeaderDigest</c>).</summary>
public sealed class LeaderDigestOptions
{
    /// <summary>
    /// Beijing time, on working days. Chases go out at 09:00; the digest half an hour later
    /// gathers that morning's escalations into one message per leader.
    /// </summary>
    public TimeOnly SendAt { get; set; } = new(9, 30);
}
