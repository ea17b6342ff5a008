namespace Chamber.Campaigns.Chambers;

/// <summary>Which chambers to list: any of these left empty does not filter.</summary>
/// <param name="Search">Part of the name, the e-mail address or the contact person.</param>
/// <param name="Under">A federation: only the units under it, at any depth (what its own accounts may see).</param>
public sealed record ChamberQuery(string? Search = null, string? District = null, ChamberType? Type = null, string? Under = null);
