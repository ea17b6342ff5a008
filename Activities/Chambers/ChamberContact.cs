namespace Chamber.Campaigns.Chambers;

/// <summary>A chamber's current address, portal link version and language: what an e-mail to it needs.</summary>
public sealed record ChamberContact(string Id, string Email, int PortalVersion, string? Language = null);
