namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// One participant's position: what it is asked for now (stage, due, overdue, round), the last
/// stage it got past, and its review score and outcome.
/// </summary>
/// <param name="Fault">Why the participant's workflow stopped, when it faulted (the incident's message).</param>
/// <param name="Evidence">For how many standards it has shown evidence (see <c>CampaignView.ScoredItems</c>).</param>
/// <param name="Demonstration">Whether staff made it a demonstration unit (示范单位).</param>
/// <param name="OwnCampaignId">A federation's own campaign for this one, where its units run (it shows no evidence of its own).</param>
public sealed record ParticipantView(string ChamberId, string Chamber, string? District, string InstanceId, string Status, string? Stage,
    DateTimeOffset? DueAt, bool Overdue, int Round, string? Reached, double? Score, string? Outcome, string? Fault = null, int Evidence = 0, bool Demonstration = false,
    string? OwnCampaignId = null);
