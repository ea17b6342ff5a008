namespace Chamber.Campaigns.Honours;

/// <summary>A campaign's 拟表彰名单 as a whole (table <c>campaign_shortlists</c>); its entries are <see cref="HonourRecord"/>s.</summary>
public sealed class ShortlistRecord
{
    public required string CampaignId { get; set; }

    /// <summary>The title conferred, e.g. 2026年度“四好”商会.</summary>
    public required string Honour { get; set; }

    /// <summary><see cref="HonourKinds.Commendation"/> or <see cref="HonourKinds.Recognition"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The most units the list may name; null: as many as pass.</summary>
    public int? Quota { get; set; }

    /// <summary>The tiers as JSON (a list of <see cref="HonourTier"/>).</summary>
    public required string Tiers { get; set; }

    /// <summary>See <see cref="ShortlistStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>The list as a Word document among the campaign's documents, which the leaders read on their sign-off.</summary>
    public string? FileId { get; set; }

    public DateTime ProposedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
}

/// <summary>One unit that passed the review, on a campaign's list or left off it (table <c>campaign_honours</c>).</summary>
public sealed class HonourRecord
{
    public required string CampaignId { get; set; }
    public required string ChamberId { get; set; }

    /// <summary>By score, ties sharing a rank (1, 2, 2, 4).</summary>
    public int Rank { get; set; }

    public double Score { get; set; }

    /// <summary>The tier it is in; null when it is left off, or when the list has no tiers.</summary>
    public string? Tier { get; set; }

    public bool Included { get; set; }

    /// <summary>Why staff changed it (a unit struck or added by hand must say why).</summary>
    public string? Note { get; set; }

    public string? ChangedBy { get; set; }
    public DateTime? ChangedAt { get; set; }
}
