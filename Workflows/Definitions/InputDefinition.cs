using System.Text.Json.Nodes;

namespace Chamber.Workflows.Definitions;

/// <summary>A declared workflow input.</summary>
public sealed record InputDefinition(string Name, string TypeName)
{
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public bool IsArray { get; init; }
    public JsonObject? UnknownFields { get; init; }
}
