namespace Chamber.Campaigns.Tasks;

/// <summary>
/// Who can be given a task: the people with accounts and the roles they may hold. The accounts
/// are the Host's; the campaign domain asks before it names anybody in a campaign, so a mistyped
/// address is refused at once instead of leaving a task nobody will ever see.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>
    /// Of these assignee tags (<c>user:…</c>, <c>role:…</c>), the ones nobody answers to: an
    /// address without an active account, or a role that does not exist.
    /// </summary>
    Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default);

    /// <summary>
    /// How mail and lists name these assignee tags: a person by their display name, a role by its
    /// Chinese label; a tag nobody answers to keeps its address. Every tag asked for is in the answer.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default);

    /// <summary>The addresses of the active accounts of a federation (<c>host_users.federation_id</c>) that hold a role, in order.</summary>
    Task<IReadOnlyList<string>> OfFederationAsync(string federationId, string role, CancellationToken cancellationToken = default);

    /// <summary>The language (<see cref="Email.MessageLanguage"/>) of each of these addresses whose account chose one; others are not in the answer.</summary>
    Task<IReadOnlyDictionary<string, string>> LanguagesAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken = default);
}
