namespace Chamber.Campaigns.Honours;

/// <summary>
/// What a campaign's year confers, a campaign setting (<see cref="SettingKey"/>): a 表彰
/// (commendation, a yearly honour) or a 认定 (recognition, a title held for years and re-checked;
/// 002: "市级'五好'县级工商联认定标准").
/// </summary>
public static class HonourKinds
{
    public const string SettingKey = "honourKind";

    /// <summary>The campaign setting for the most units the list may name.</summary>
    public const string QuotaKey = "honoursQuota";

    /// <summary>The campaign setting for the list's tiers (a JSON list of <see cref="HonourTier"/>), when the campaign has its own.</summary>
    public const string TiersKey = "honourTiers";

    public const string Commendation = "commendation";
    public const string Recognition = "recognition";

    public static bool IsKind(string? kind) => kind is Commendation or Recognition;

    /// <summary>A setting that is a whole number above 0 (a quota, a title's years), as text; null when it is not one.</summary>
    public static int? PositiveWhole(string? text) =>
        int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>表彰 or 认定, as the notices write it.</summary>
    public static string Verb(string kind) => kind == Recognition ? "认定" : "表彰";

    public static string VerbEn(string kind) => kind == Recognition ? "recognition" : "commendation";
}

/// <summary>Where a campaign's 拟表彰名单 stands.</summary>
public static class ShortlistStatus
{
    /// <summary>Ranked and open to staff's changes, until the leaders sign it off.</summary>
    public const string Proposed = "proposed";

    /// <summary>Signed off: the decision is drafted from it, and it no longer changes.</summary>
    public const string Decided = "decided";

    /// <summary>The decision naming it was published: its units are commended or recognised.</summary>
    public const string Published = "published";
}
