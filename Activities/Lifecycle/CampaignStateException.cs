namespace Chamber.Campaigns.Lifecycle;

/// <summary>
/// What the campaign's state does not allow: changing or deleting a launched campaign (only a draft
/// allows it), stopping a draft or a campaign stopped already, or one a higher level runs.
/// </summary>
public sealed class CampaignStateException(string message) : Exception(message);
