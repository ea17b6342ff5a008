namespace Chamber.Campaigns.Chambers;

/// <summary>A chamber as staff edit it by hand: every field, an empty one clears what was stored (an empty language: Chinese).</summary>
public sealed record ChamberEdit(
    string? Name,
    ChamberType? Type,
    string? District,
    string? Contact,
    string? Email,
    string? Phone,
    int? MemberCount,
    int? EnterpriseMemberCount,
    int? PreviousYearMemberCount,
    int? LocalPrivateEntityCount,
    string? Language = null,
    string? ParentId = null);
