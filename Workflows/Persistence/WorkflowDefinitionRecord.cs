namespace Chamber.Workflows.Persistence;

/// <summary>One version of a definition; <see cref="Json"/> is the Elsa-3 document as written by our writer.</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public DefinitionStatus Status { get; set; }
    public bool IsLatest { get; set; }
    public required string Json { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
}
