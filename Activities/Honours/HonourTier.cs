namespace Chamber.Campaigns.Honours;

/// <summary>
/// A tier of the list (e.g. 示范商会, then 先进商会): the ranked units fill the tiers in order,
/// each taking those with at least <see cref="MinScore"/> (when set) up to <see cref="Count"/>
/// units (when set).
/// </summary>
public sealed record HonourTier(string Name, string? NameEn = null, decimal? MinScore = null, int? Count = null);
