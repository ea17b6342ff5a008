namespace Chamber.Campaigns.Chambers;

/// <summary>A chamber's current address and portal link version: what an e-mail to it needs.</summary>
public sealed record ChamberContact(string Id, string Email, int PortalVersion);
