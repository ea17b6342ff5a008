using System.Text.Json.Nodes;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// A campaign template as its definition declares it (<see cref="CampaignTemplates"/>): the rubric
/// participants are reviewed against, the workflow each participant runs, and the default schedule
/// (due dates as business dates with <c>{year}</c>, rectification days and rounds), and how its
/// notices speak (<see cref="Email.CampaignWording"/>: the organiser, the participants' name, the review's),
/// and whether a year's result is a 表彰 or a 认定 (<see cref="Honours.HonourKinds"/>; customProperties.honourKind).
/// </summary>
public sealed record CampaignTemplate(string Id, string? Name, string? Description, int Version, string Rubric, string? ParticipantWorkflow,
    JsonNode? Schedule, IReadOnlyDictionary<string, string>? Wording = null, string HonourKind = Honours.HonourKinds.Commendation);
