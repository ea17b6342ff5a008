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

    /// <summary>The name in the reader's language (see <see cref="Model.Translations"/>).</summary>
    public string? LocalizedName(System.Globalization.CultureInfo? culture = null) =>
        Model.Translations.Pick(Name, UnknownFields["customProperties"] as JsonObject, ["name"], culture);

    /// <summary>The description in the reader's language.</summary>
    public string? LocalizedDescription(System.Globalization.CultureInfo? culture = null) =>
        Model.Translations.Pick(Description, UnknownFields["customProperties"] as JsonObject, ["description"], culture);

    public bool IsPublished { get; set; }

    public bool IsLatest { get; set; } = true;

    public List<VariableDefinition> Variables { get; } = [];

    public List<InputDefinition> Inputs { get; } = [];

    public List<OutputDefinition> Outputs { get; } = [];

    public Activity Root { get; set; } = null!;

    /// <summary>Elsa's <c>options.usableAsActivity</c> (older exports write it at the top level): other workflows may use this one as an activity.</summary>
    public bool UsableAsActivity => Flag(UnknownFields["options"]?["usableAsActivity"]) || Flag(UnknownFields["usableAsActivity"]);

    /// <summary>
    /// Elsa's <c>options.autoUpdateConsumingWorkflows</c>: workflows that use this one as an activity
    /// run its newest published version rather than the version they were drawn with.
    /// </summary>
    public bool AutoUpdateConsumingWorkflows => Flag(UnknownFields["options"]?["autoUpdateConsumingWorkflows"]);

    /// <summary>The outcomes a workflow used as an activity may complete with (Elsa's <c>outcomes</c>): its ports.</summary>
    public IEnumerable<string> Outcomes => UnknownFields["outcomes"] is JsonArray outcomes
        ? outcomes.OfType<JsonValue>().Select(o => o.TryGetValue<string>(out var name) ? name : "").Where(name => name.Length > 0)
        : [];

    /// <summary>Elsa's <c>options.activityCategory</c>: where the designer's palette lists this workflow as an activity.</summary>
    public string? ActivityCategory => UnknownFields["options"]?["activityCategory"] is JsonValue category && category.TryGetValue<string>(out var name) ? name : null;

    private static bool Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var set) && set;

    /// <summary>Top-level fields we do not interpret (options, customProperties, toolVersion, …), kept as written.</summary>
    public JsonObject UnknownFields { get; set; } = [];
}
