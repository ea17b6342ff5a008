using System.Text.Json.Serialization;

namespace Chamber.Campaigns.Tasks;

/// <summary>A person's answer to a task, as the task API resumes the workflow with it.</summary>
public sealed record TaskDecision(
    string TaskId,
    string Action,
    string By,
    string? ByName = null,
    string? Comment = null,
    [property: JsonPropertyName("transferTo")] string? TransferTo = null,
    [property: JsonPropertyName("addSigner")] string? AddSigner = null,
    IReadOnlyDictionary<string, decimal>? Scores = null,
    IReadOnlyList<string>? Vetoes = null);
