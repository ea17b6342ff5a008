namespace Chamber.Campaigns.Lifecycle;

/// <summary>What only a draft allows was asked of a launched campaign.</summary>
public sealed class CampaignLaunchedException(string message) : Exception(message);
