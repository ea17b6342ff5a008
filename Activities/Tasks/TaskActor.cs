namespace Chamber.Campaigns.Tasks;

/// <summary>Who is acting: the signed-in person.</summary>
public sealed record TaskActor(string Email, string DisplayName, IReadOnlyList<string> Roles)
{
    public IReadOnlyList<string> Tags => UserTasks.TagsOf(Email, Roles);
}
