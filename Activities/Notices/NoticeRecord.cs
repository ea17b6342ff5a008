namespace Chamber.Campaigns.Notices;

/// <summary>A campaign's circular or decision (table <c>campaign_notices</c>); its Word document is one of the campaign's documents.</summary>
public sealed class NoticeRecord
{
    public required string Id { get; set; }
    public required string CampaignId { get; set; }

    /// <summary><see cref="NoticeKinds.Circular"/> or <see cref="NoticeKinds.Decision"/>.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>发文字号, e.g. 沪工商联〔2026〕12号.</summary>
    public string? Number { get; set; }

    public required string Issuer { get; set; }

    /// <summary>The title a decision confers, for the letters to the units it names.</summary>
    public string? Honour { get; set; }

    /// <summary>The units a decision names (a JSON list of chamber ids): the letters go to them, and to no one commended after it was drafted.</summary>
    public string? Commended { get; set; }

    /// <summary>The document among the campaign's files.</summary>
    public required string FileId { get; set; }

    /// <summary><see cref="NoticeKinds.Draft"/> until published, then <see cref="NoticeKinds.Published"/>.</summary>
    public required string Status { get; set; }

    public DateTime DraftedAt { get; set; }

    /// <summary>The last day (Beijing) of its 公示, while participants may object; null when it had none.</summary>
    public DateOnly? PublicityUntil { get; set; }

    public DateTime? PublishedAt { get; set; }
}

/// <summary>The kinds of notice and where one stands.</summary>
public static class NoticeKinds
{
    /// <summary>通报: how the review went, who passed, who rectifies, the demonstration units.</summary>
    public const string Circular = "circular";

    /// <summary>表彰决定: the units commended, with the honour.</summary>
    public const string Decision = "decision";

    public const string Draft = "draft";

    /// <summary>公示: shown to every participant, who may object, before the leaders decide it.</summary>
    public const string Publicity = "publicity";

    public const string Published = "published";

    public static bool IsKind(string? kind) => kind is Circular or Decision;

    /// <summary>A step's kind input: <paramref name="fallback"/> when empty; a kind it does not know faults the step, naming the two it knows.</summary>
    public static string Read(string? given, string fallback)
    {
        var kind = given?.Trim() is { Length: > 0 } text ? text : fallback;
        return IsKind(kind)
            ? kind
            : throw new InvalidOperationException(Chamber.Workflows.Localization.ReaderText.Of($"未知的公文种类“{kind}”，可用：circular（通报）、decision（表彰决定）",
                $"Unknown notice kind '{kind}'; one of circular, decision."));
    }
}
