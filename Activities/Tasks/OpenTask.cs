namespace Chamber.Campaigns.Tasks;

/// <summary>An open task as the bookmark index holds it.</summary>
/// <param name="BookmarkId">The bookmark that answering the task resumes.</param>
/// <param name="Id">The task's own id (the bookmark's key), as inboxes and portal links name it.</param>
/// <param name="Tag">The assignee: <c>user:…</c>, <c>role:…</c> or <c>chamber:…</c>.</param>
public sealed record OpenTask(string BookmarkId, string Id, string InstanceId, string ActivityId, string? Tag, TaskPayload Task, DateTimeOffset CreatedAt)
{
    /// <summary>The chamber whose task this is; null for a person's or a role's.</summary>
    public string? ChamberId => Tag is { } tag && tag.StartsWith(UserTasks.ChamberTag(""), StringComparison.Ordinal) ? tag[UserTasks.ChamberTag("").Length..] : null;
}
