namespace Chamber.Host.WorkflowApi;

/// <summary>A shipped workflow as last imported into this database (table <c>host_shipped_definitions</c>).</summary>
public sealed class ShippedDefinitionRecord
{
    public required string DefinitionId { get; set; }

    /// <summary>SHA-256 of the release's file: unchanged files cost no further look.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The file itself, to tell later whether the department changed what was shipped.</summary>
    public required string Json { get; set; }

    /// <summary>The version the file was imported as.</summary>
    public int Version { get; set; }

    public DateTime ImportedAt { get; set; }
}
