using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Chamber.Workflows.Runtime;

/// <summary>JSON settings for persisted instance state: camelCase, enums as names, Chinese kept readable.</summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}

/// <summary>What is persisted of an instance besides its row fields: enough to continue in any process.</summary>
public sealed class WorkflowState
{
    public Dictionary<string, object?> Variables { get; set; } = [];
    public Dictionary<string, object?> Input { get; set; } = [];
    public Dictionary<string, object?> Output { get; set; } = [];
    public List<ContextState> Contexts { get; set; } = [];
    public List<WorkItem> Queue { get; set; } = [];
    public List<Bookmark> Bookmarks { get; set; } = [];
    public List<Incident> Incidents { get; set; } = [];
    public int NextContextId { get; set; }

    /// <summary>The trigger that created the instance has not yet been consumed by its activity.</summary>
    public bool TriggerPending { get; set; }
}

public sealed record ContextState(
    string Id,
    string ActivityId,
    string? ParentId,
    string? Callback,
    ActivityStatus Status,
    int Pending,
    string? Tag,
    Dictionary<string, object?>? Properties);
