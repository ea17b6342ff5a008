namespace Chamber.Campaigns.Chambers;

/// <summary>The kinds of chamber a federation works with.</summary>
public enum ChamberType
{
    /// <summary>乡镇街道商会</summary>
    Township,

    /// <summary>行业商会</summary>
    Industry,

    /// <summary>区域商会</summary>
    Regional,

    /// <summary>异地商会</summary>
    NonLocal,

    /// <summary>县级工商联 — a participant of the Five-Good campaign.</summary>
    CountyFederation,

    /// <summary>市工商联 — the top of a city's directory.</summary>
    CityFederation,
}

public static class ChamberTypes
{
    /// <summary>The federations' types (工商联, not chambers): such a unit can run an upper level's campaign for units of its own. Queries read it as an IN list.</summary>
    public static readonly ChamberType?[] Federations = [ChamberType.CountyFederation, ChamberType.CityFederation];

    public static bool IsFederation(ChamberType? type) => Federations.Contains(type);

    /// <summary>Deeper than any directory goes (市 → 区县 → 街道 → …): a walk through the hierarchy stops here, so a circle in the data cannot hold it.</summary>
    public const int MaxDepth = 16;
}

/// <summary>A chamber (or district federation) that takes part in campaigns.</summary>
public sealed class ChamberRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The name as compared on re-import: NFKC, single spaces, lower case.</summary>
    public required string NameKey { get; set; }

    public ChamberType? Type { get; set; }
    public string? District { get; set; }

    /// <summary>The federation it stands under (区县工商联 under 市工商联, a 街道商会 under its 区县工商联); none at the top.</summary>
    public string? ParentId { get; set; }
    public string? Contact { get; set; }

    /// <summary>One or more addresses, separated by "; ".</summary>
    public required string Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>会员数.</summary>
    public int? MemberCount { get; set; }

    /// <summary>企业会员数 (Five-Good: at least 80 % of members).</summary>
    public int? EnterpriseMemberCount { get; set; }

    /// <summary>上年会员数 (Five-Good: yearly growth above 6 %).</summary>
    public int? PreviousYearMemberCount { get; set; }

    /// <summary>本地非公经济市场主体数 (Five-Good: member coverage of at least 30 %).</summary>
    public int? LocalPrivateEntityCount { get; set; }

    /// <summary>Columns of the imported file that no field takes, as a JSON object, kept for the campaign's forms.</summary>
    public string? Extra { get; set; }

    /// <summary>The language its e-mails are written in (<see cref="Email.MessageLanguage"/>); null: Chinese.</summary>
    public string? Language { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Carried by every portal link; incrementing it revokes the links issued so far.</summary>
    public int PortalVersion { get; set; }
}
