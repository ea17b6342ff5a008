namespace Chamber.Campaigns.Titles;

/// <summary>A title a unit holds (table <c>chamber_titles</c>): granted by a decision, valid until a day, removed (摘牌) with the reason.</summary>
public sealed class TitleRecord
{
    public required string Id { get; set; }
    public required string ChamberId { get; set; }

    /// <summary>The title as the decision confers it, e.g. 市级“五好”县级工商联.</summary>
    public required string Title { get; set; }

    /// <summary>The campaign whose decision granted it.</summary>
    public string? CampaignId { get; set; }

    public DateOnly GrantedOn { get; set; }

    /// <summary>The last day it is held unless a re-check confirms it.</summary>
    public DateOnly ValidUntil { get; set; }

    public DateOnly? RemovedOn { get; set; }
    public string? RemovedReason { get; set; }
}

/// <summary>One step of a title's history (table <c>chamber_title_events</c>).</summary>
public sealed class TitleEventRecord
{
    public required string Id { get; set; }
    public required string TitleId { get; set; }

    /// <summary>See <see cref="TitleActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>The day it took effect (Beijing).</summary>
    public DateOnly OnDay { get; set; }

    /// <summary>The validity after the step (none after a removal).</summary>
    public DateOnly? ValidUntil { get; set; }

    public string? CampaignId { get; set; }
    public string? Reason { get; set; }

    /// <summary>Who removed it by hand; none when a campaign's step did.</summary>
    public string? ByWhom { get; set; }

    public DateTime At { get; set; }
}

/// <summary>What happened to a title, and where it stands.</summary>
public static class TitleActions
{
    /// <summary>认定: a published decision conferred it (again: its validity runs on from the new decision).</summary>
    public const string Granted = "granted";

    /// <summary>复核通过: a re-check confirmed it and its validity runs on.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>摘牌: removed, by a re-check that found it no longer earned or by staff, with the reason.</summary>
    public const string Removed = "removed";

    public const string Held = "held";

    /// <summary>Held past its validity without a re-check.</summary>
    public const string Expired = "expired";
}
