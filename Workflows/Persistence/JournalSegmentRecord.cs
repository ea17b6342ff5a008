namespace Chamber.Workflows.Persistence;

/// <summary>The journal entries of one commit of an instance (one row per commit keeps writes cheap).</summary>
public sealed class JournalSegmentRecord
{
    public required string InstanceId { get; set; }
    public long Sequence { get; set; }
    public required string Entries { get; set; }
    public DateTime CreatedAt { get; set; }
}
