namespace Chamber.Campaigns.Lifecycle;

/// <summary>The campaign could not be created as asked; the message says why.</summary>
public sealed class CampaignRequestException(string message) : Exception(message);
