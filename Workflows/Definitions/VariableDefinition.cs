using System.Text.Json.Nodes;

namespace Chamber.Workflows.Definitions;

/// <summary>A workflow variable. <see cref="Value"/> is the initial value as a string, as Elsa stores it.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, bool IsArray = false, string? Value = null)
{
    public JsonObject? UnknownFields { get; init; }
}
