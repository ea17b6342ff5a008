using System.Net.Mail;
using System.Text.Json.Serialization;

namespace Chamber.Activities.Tasks;

/// <summary>
/// A person's work item (待办): a bookmark named <see cref="BookmarkName"/> whose key is the task id
/// and whose tag is the assignee, so the inbox is a query on the bookmark index and a task appears
/// and disappears in the same commit as the step that waits for it.
/// </summary>
public static class UserTasks
{
    public const string BookmarkName = "Chamber.Task";

    /// <summary>"leader@x.cn" → "user:leader@x.cn"; "role:leader" stays. Null when it is neither.</summary>
    public static string? AssigneeTag(string text)
    {
        var value = text.Trim();
        if (value.StartsWith("role:", StringComparison.OrdinalIgnoreCase))
            return value[5..].Trim() is { Length: > 0 } role ? "role:" + role.ToLowerInvariant() : null;
        if (value.StartsWith("user:", StringComparison.OrdinalIgnoreCase))
            value = value[5..].Trim();
        return MailAddress.TryCreate(value, out var address) ? "user:" + address.Address.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The assignee tags of a list of people (addresses and roles, as a list or separated by
    /// commas), without repeats; <paramref name="who"/> names them in the error for one that is neither.
    /// </summary>
    public static IReadOnlyList<string> AssigneeTags(object? people, string who) =>
        [.. Email.EmailMessage.Addresses(people).Select(p => AssigneeTag(p) ?? throw new InvalidOperationException(
            $"{who}“{p}”既不是邮箱也不是角色 / '{p}' is neither an e-mail address nor role:<name>.")).Distinct()];

    /// <summary>The tag of a chamber's own tasks (answered through its portal link).</summary>
    public static string ChamberTag(string chamberId) => "chamber:" + chamberId;

    /// <summary>The tags a signed-in person answers to: their address and each of their roles.</summary>
    public static IReadOnlyList<string> TagsOf(string email, IEnumerable<string> roles) =>
        ["user:" + email.ToLowerInvariant(), .. roles.Select(r => "role:" + r.ToLowerInvariant())];
}

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

/// <summary>The actions of a task; an activity offers the ones that make sense for it.</summary>
public static class TaskActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    /// <summary>退回: back to an earlier step (the activity's Returned outcome is connected to it).</summary>
    public const string Return = "return";

    /// <summary>转交: the task goes to another person.</summary>
    public const string Transfer = "transfer";

    /// <summary>加签: another person signs as well.</summary>
    public const string AddSigner = "addSigner";

    /// <summary>A chamber hands in what was asked (through its portal link).</summary>
    public const string Submit = "submit";

    /// <summary>Staff accept a submission.</summary>
    public const string Accept = "accept";

    /// <summary>A reviewer hands in scores against a rubric.</summary>
    public const string Score = "score";
}

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

/// <summary>A decision as the workflow keeps it (output of a sign-off, shown in its history).</summary>
public sealed record SignOffDecision(string TaskId, string By, string? ByName, string Action, string? Comment, DateTimeOffset At, string? Target = null);
