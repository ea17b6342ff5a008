namespace Chamber.Workflows.Outbox;

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
