namespace Chamber.Campaigns.Portal;

/// <summary>A campaign the chamber took part in that was stopped (中止): when, and the reason it was given.</summary>
public sealed record PortalStoppedCampaign(string Campaign, DateTimeOffset StoppedAt, string Reason);
