namespace Chamber.Campaigns.Chambers;

/// <summary>Which chambers to list: any of these left empty does not filter.</summary>
/// <param name="Search">Part of the name, the e-mail address or the contact person.</param>
public sealed record ChamberQuery(string? Search = null, string? District = null, ChamberType? Type = null);
