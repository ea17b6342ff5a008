namespace Chamber.Campaigns.Escalations;

/// <summary>
/// One 督办 for one leader: something still undone after the chase that escalates — a chamber's
/// submission, or a sign-off that approvers have not given. It waits in the outbox (channel
/// <see cref="LeaderDigest.Channel"/>) for the leader's next daily digest instead of being an
/// e-mail of its own: a leader told about nine chambers gets one message, not nine.
/// </summary>
/// <param name="Leader">The leader's e-mail address.</param>
/// <param name="Chamber">The chamber that has not submitted; null for a sign-off.</param>
/// <param name="Approvers">Assignee tags of the approvers still to sign (a sign-off); named in the digest by their names.</param>
public sealed record Escalation(string Leader, string Title, string? Campaign, string? Chamber, IReadOnlyList<string> Approvers, DateOnly Due);
