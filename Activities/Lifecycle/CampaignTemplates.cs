using System.Text.Json.Nodes;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// Which published definitions are campaign templates, by one rule for the template list and for
/// creating a campaign: the definition has a <see cref="ForEachParticipant"/> step (it runs the
/// participants) and names its rubric in <c>customProperties.rubric</c>. The other custom
/// properties (<c>participantWorkflow</c>, <c>schedule</c>) are read into a <see cref="CampaignTemplate"/>.
/// </summary>
public sealed class CampaignTemplates(DefinitionService definitions)
{
    public const string RubricProperty = "rubric";
    public const string ParticipantWorkflowProperty = "participantWorkflow";
    public const string ScheduleProperty = "schedule";

    /// <summary>Every published template, by id.</summary>
    public async Task<IReadOnlyList<CampaignTemplate>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await definitions.GetAllPublishedAsync(cancellationToken))
            .Select(graph => Read(graph, out _)).OfType<CampaignTemplate>()
            .OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>The published template <paramref name="definitionId"/>, or why there is none (in the user's words).</summary>
    public async Task<(CampaignTemplate? Template, string? Problem)> FindAsync(string? definitionId, CancellationToken cancellationToken = default)
    {
        var graph = string.IsNullOrWhiteSpace(definitionId) ? null : await definitions.GetPublishedAsync(definitionId, cancellationToken);
        if (graph is null)
            return (null, ReaderText.Of($"模板“{definitionId}”不存在或未发布", $"Template '{definitionId}' does not exist or is not published."));
        var template = Read(graph, out var problem);
        return (template, problem);
    }

    /// <summary>The template a definition declares; null with the reason when it is not one.</summary>
    public static CampaignTemplate? Read(WorkflowGraph graph, out string? problem)
    {
        var definition = graph.Definition;
        var properties = definition.UnknownFields["customProperties"] as JsonObject;
        if (!graph.Activities.Values.Any(a => a is ForEachParticipant))
        {
            problem = ReaderText.Of($"“{definition.DefinitionId}”不是活动模板（没有“逐个商会”环节）", $"'{definition.DefinitionId}' is not a campaign template: it has no ForEachParticipant step.");
            return null;
        }

        if (properties?[RubricProperty] is not JsonValue rubric || !rubric.TryGetValue<string>(out var rubricId) || string.IsNullOrWhiteSpace(rubricId))
        {
            problem = ReaderText.Of($"“{definition.DefinitionId}”不是活动模板（未指定考核细则 customProperties.rubric）", $"'{definition.DefinitionId}' is not a campaign template: it names no rubric (customProperties.rubric).");
            return null;
        }

        problem = null;
        var participantWorkflow = properties[ParticipantWorkflowProperty] is JsonValue child && child.TryGetValue<string>(out var childId) ? childId : null;
        var wording = (properties["wording"] as JsonObject)?
            .Where(p => Email.CampaignWording.Keys.Contains(p.Key) && p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        return new CampaignTemplate(definition.DefinitionId, definition.LocalizedName(), definition.LocalizedDescription(), definition.Version, rubricId, participantWorkflow,
            properties[ScheduleProperty]?.DeepClone(), wording,
            properties[Honours.HonourKinds.SettingKey] is JsonValue kind && kind.TryGetValue<string>(out var kindText) && Honours.HonourKinds.IsKind(kindText)
                ? kindText : Honours.HonourKinds.Commendation);
    }
}
