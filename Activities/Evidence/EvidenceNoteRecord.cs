namespace Chamber.Campaigns.Evidence;

/// <summary>A chamber's note on one standard of its campaign (table <c>rubric_evidence</c>); its files are kept apart, see <see cref="RubricEvidence"/>.</summary>
public sealed class EvidenceNoteRecord
{
    public required string InstanceId { get; set; }
    public required string ItemId { get; set; }
    public required string ChamberId { get; set; }
    public required string Note { get; set; }
    public DateTime UpdatedAt { get; set; }
}
