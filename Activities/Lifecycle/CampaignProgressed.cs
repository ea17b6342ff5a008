using Mediator;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>Progress reports of these campaigns were recorded: their stage counts changed.</summary>
public sealed record CampaignProgressed(IReadOnlyList<string> CampaignIds) : INotification;
