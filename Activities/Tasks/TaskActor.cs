namespace Chamber.Campaigns.Tasks;

/// <summary>Who is acting: the signed-in person.</summary>
/// <param name="FederationId">
/// The federation the person's account works for (a district's staff), or null for the top level:
/// a task given to a role goes to the role's holders of the federation whose campaign it is.
/// </param>
public sealed record TaskActor(string Email, string DisplayName, IReadOnlyList<string> Roles, string? FederationId = null)
{
    public IReadOnlyList<string> Tags => UserTasks.TagsOf(Email, Roles);
}

/// <summary>
/// Which campaigns' role tasks (<c>role:…</c>) a person sees: a federation's account only those of
/// its federation's campaigns (<see cref="Only"/>), the top level's all but those.
/// </summary>
public sealed record RoleScope(bool Only, IReadOnlyCollection<string> CampaignIds)
{
    public bool Covers(string? campaignId) => Only ? campaignId is not null && CampaignIds.Contains(campaignId) : campaignId is null || !CampaignIds.Contains(campaignId);
}
