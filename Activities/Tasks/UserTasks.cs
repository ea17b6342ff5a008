using Chamber.Campaigns.Email;
using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Tasks;

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
        return EmailAddress.Parse(value) is { } address ? "user:" + address.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The assignee tags of a list of people (addresses and roles, as a list or separated by
    /// commas), without repeats; <paramref name="who"/> names them in the error for one that is neither.
    /// </summary>
    public static IReadOnlyList<string> AssigneeTags(object? people, string who) =>
        [.. EmailMessage.Addresses(people).Select(p => AssigneeTag(p) ?? throw new InvalidOperationException(
            ReaderText.Of($"{who}“{p}”既不是邮箱也不是角色", $"'{p}' is neither an e-mail address nor role:<name>."))).Distinct()];

    /// <summary>The tag of a chamber's own tasks (answered through its portal link).</summary>
    public static string ChamberTag(string chamberId) => "chamber:" + chamberId;

    /// <summary>The tags a signed-in person answers to: their address and each of their roles.</summary>
    public static IReadOnlyList<string> TagsOf(string email, IEnumerable<string> roles) =>
        [UserTag(email), .. roles.Select(r => "role:" + r.ToLowerInvariant())];

    /// <summary>"Leader@x.cn" → "user:leader@x.cn".</summary>
    public static string UserTag(string email) => "user:" + email.ToLowerInvariant();

    /// <summary>The address of a person's tag ("user:leader@x.cn" → "leader@x.cn"); null for a role or a chamber.</summary>
    /// <summary>A task given to a role (<c>role:staff</c>) rather than to a person or a chamber.</summary>
    public static bool IsRoleTag(string tag) => tag.StartsWith("role:", StringComparison.Ordinal);

    public static string? AddressOf(string tag) => tag.StartsWith("user:", StringComparison.Ordinal) ? tag[5..] : null;
}
