using System.Text.Json;
using Chamber.Campaigns.Portal;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Email;

/// <summary>
/// How a campaign's notices speak, as its notice does: who signs them (the organiser, with its
/// locality — 上海市工商业联合会会员部, or Wenzhou's 市政府经合办), what its participants are (商会, or
/// 县级工商联 for the Five-Good campaign) and what its review is called (督查考核, 考评认定, 检查验收).
/// A template declares it (customProperties.wording); a campaign keeps it in its settings, where
/// staff may change the organiser; every message written for the campaign receives it.
/// </summary>
public sealed record CampaignWording(string? Organiser, string? OrganiserEn, string Participant, string ParticipantEn, string ReviewTerm, string ReviewTermEn)
{
    public const string OrganiserKey = "organiser";
    public const string OrganiserEnKey = "organiserEn";
    public const string ParticipantKey = "participant";
    public const string ParticipantEnKey = "participantEn";
    public const string ReviewTermKey = "reviewTerm";
    public const string ReviewTermEnKey = "reviewTermEn";

    public static IReadOnlyList<string> Keys { get; } = [OrganiserKey, OrganiserEnKey, ParticipantKey, ParticipantEnKey, ReviewTermKey, ReviewTermEnKey];

    /// <summary>A campaign that says nothing of its own: chambers, 督查考核, and the Host's configured signature.</summary>
    public static CampaignWording Default { get; } = new(null, null, "商会", "chamber", "督查考核", "inspection and assessment");

    /// <summary>The wording among a workflow's inputs (where the launcher puts the campaign's settings).</summary>
    public static CampaignWording Of(IReadOnlyDictionary<string, object?> input) => From(key => input.GetValueOrDefault(key)?.ToString());

    /// <summary>A campaign's name and wording, for messages written outside its workflow; an unknown campaign reads as unnamed, with the default wording.</summary>
    public static async Task<(string Campaign, CampaignWording Wording)> OfCampaignAsync(Persistence.CampaignDbContext db, string campaignId,
        CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        return campaign is null ? ("", Default) : (campaign.Name, Of(campaign));
    }

    /// <summary>The wording among a campaign's stored settings (its schedule).</summary>
    public static CampaignWording Of(Lifecycle.CampaignRecord campaign)
    {
        var settings = campaign.Schedule is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(campaign.Schedule);
        return From(key => settings?.GetValueOrDefault(key));
    }

    private static CampaignWording From(Func<string, string?> read)
    {
        string? Text(string key) => read(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new CampaignWording(Text(OrganiserKey), Text(OrganiserEnKey), Text(ParticipantKey) ?? Default.Participant,
            Text(ParticipantEnKey) ?? Default.ParticipantEn, Text(ReviewTermKey) ?? Default.ReviewTerm, Text(ReviewTermEnKey) ?? Default.ReviewTermEn);
    }

    /// <summary>The fields every campaign message receives, in its language: the signature, the participants' name, the review's, and how a letter addresses its reader.</summary>
    public void AddTo(IDictionary<string, object?> model, PortalOptions? options, string language)
    {
        var english = language == MessageLanguage.English;
        model["sender"] = english ? OrganiserEn ?? options?.SenderNameEn : Organiser ?? options?.SenderName;
        model["participant"] = english ? ParticipantEn : Participant;
        model["reviewTerm"] = english ? ReviewTermEn : ReviewTerm;
        // 贵会 to a chamber (商会), 贵单位 to a federation or any other body.
        model["you"] = english ? $"your {ParticipantEn}" : Participant.EndsWith("商会", StringComparison.Ordinal) ? "贵会" : "贵单位";
        model["You"] = english ? $"Your {ParticipantEn}" : model["you"];
    }
}
