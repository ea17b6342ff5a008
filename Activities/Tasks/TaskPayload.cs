using System.Text.Json.Serialization;

namespace Chamber.Campaigns.Tasks;

/// <summary>What a task shows in an inbox (the bookmark's payload, also kept in the bookmark index).</summary>
public sealed record TaskPayload(
    string Kind,
    string Title,
    string Assignee,
    IReadOnlyList<string> Actions,
    DateTimeOffset? DueAt = null,
    string? Description = null,
    string? Mode = null,
    IReadOnlyDictionary<string, string>? Context = null)
{
    /// <summary>Which submission of the same thing this is (1 unless a return asked for another).</summary>
    [JsonIgnore]
    public int Round => Context?.GetValueOrDefault("round") is { } text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;

    /// <summary>The payload as the bookmark index keeps it.</summary>
    public static TaskPayload FromJson(string? json) => System.Text.Json.JsonSerializer.Deserialize<TaskPayload>(json ?? "{}", System.Text.Json.JsonSerializerOptions.Web)!;
}
