using System.Text.Json.Nodes;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Definitions;

/// <summary>
/// One version of a workflow definition, parsed from Elsa 3 JSON. Immutable once materialized:
/// instances of this version share it.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Identifies this version (Elsa's <c>id</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>Identifies the definition across versions (Elsa's <c>definitionId</c>).</summary>
    public string DefinitionId { get; set; } = "";

    public int Version { get; set; } = 1;

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool IsPublished { get; set; }

    public bool IsLatest { get; set; } = true;

    public List<VariableDefinition> Variables { get; } = [];

    public List<InputDefinition> Inputs { get; } = [];

    public List<OutputDefinition> Outputs { get; } = [];

    public Activity Root { get; set; } = null!;

    /// <summary>Top-level fields we do not interpret (options, customProperties, toolVersion, …), kept as written.</summary>
    public JsonObject UnknownFields { get; set; } = [];
}
