using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Mailings;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Portal;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Notices;

/// <summary>
/// A published notice's e-mail to every participant — its title and number, and the portal link
/// where the document waits — and, with a decision, each unit it names gets its own letter (表彰,
/// its score and the honour), which thus never goes before the leaders have decided.
/// </summary>
public sealed class NoticeLetters(
    IDbContextFactory<CampaignDbContext> campaigns,
    CampaignNotices notices,
    EmailTemplates templates,
    PortalLinks links,
    IOptions<PortalOptions> portal,
    TimeProvider clock) : IParticipantLetters
{
    public const string NoticeKind = "notice";
    public const string Template = "notice-published";

    public string Kind => NoticeKind;

    public const string LetterTemplate = "commendation";

    /// <summary>The letter of a recognition (认定): the title and how long it holds.</summary>
    public const string TitleTemplate = "title-granted";

    public static ParticipantMailing Mailing(NoticeRecord notice) => new(NoticeKind, notice.Id, Template);

    /// <summary>The letters to the units a published decision names: commended, or — a recognition — granted the title.</summary>
    public static ParticipantMailing Letters(NoticeRecord notice, bool recognition = false) =>
        new(NoticeKind, notice.Id, recognition ? TitleTemplate : LetterTemplate);

    public async Task<Letters?> PrepareAsync(ParticipantMailing mailing, string? instanceId, CancellationToken cancellationToken)
    {
        var notice = await notices.FindAsync(mailing.SubjectId, cancellationToken)
            ?? throw new KeyNotFoundException($"Notice {mailing.SubjectId} does not exist.");
        if (notice.Status != NoticeKinds.Published)
            return null; // redrafted since: the next publication tells everyone
        string campaign;
        CampaignWording wording;
        // A city's notice is for its districts' chambers too (their portals show it): every level it opened.
        List<string> levels;
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            (campaign, wording) = await CampaignWording.OfCampaignAsync(db, notice.CampaignId, cancellationToken);
            levels = await Lifecycle.CampaignLevels.IdsAtAndBelowAsync(db, notice.CampaignId, cancellationToken);
        }

        if (mailing.Template is LetterTemplate or TitleTemplate)
            return await CommendedAsync(mailing, notice, campaign, wording, levels, instanceId, cancellationToken);
        return new Letters(
            db => db.Chambers.AsNoTracking().Where(c => db.CampaignParticipants.Any(p => levels.Contains(p.CampaignId) && p.ChamberId == c.Id)),
            (chamber, ct) => LetterAsync(mailing, notice, campaign, wording, chamber, instanceId, ct));
    }

    /// <summary>The letters to the units the decision names (those commended after it was drafted are in none).</summary>
    private async Task<Letters> CommendedAsync(ParticipantMailing mailing, NoticeRecord notice, string campaign, CampaignWording wording,
        List<string> levels, string? instanceId, CancellationToken cancellationToken)
    {
        var named = (notice.Commended is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<string>>(notice.Commended) ?? []).ToHashSet(StringComparer.Ordinal);
        Dictionary<string, double?> scores;
        Dictionary<string, DateOnly> validity;
        // A city's decision names chambers its districts reviewed too: each is written to where it took part.
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
        {
            scores = (await db.CampaignParticipants.AsNoTracking()
                .Where(p => levels.Contains(p.CampaignId) && p.Outcome == Lifecycle.CampaignProgress.Outcomes.Commended)
                .Select(p => new { p.ChamberId, p.Score }).ToListAsync(cancellationToken))
                .GroupBy(p => p.ChamberId).ToDictionary(g => g.Key, g => g.Max(p => p.Score));
            // A recognition's letter says until when the title holds, as this decision granted it.
            validity = mailing.Template == TitleTemplate
                ? (await db.TitleEvents.AsNoTracking().Where(e => e.CampaignId == notice.CampaignId && e.Action == Titles.TitleActions.Granted)
                    .Join(db.Titles.AsNoTracking(), e => e.TitleId, t => t.Id, (e, t) => new { t.ChamberId, e.ValidUntil }).ToListAsync(cancellationToken))
                    .Where(g => g.ValidUntil is not null).ToDictionary(g => g.ChamberId, g => g.ValidUntil!.Value)
                : [];
        }

        return new Letters(
            db => db.Chambers.AsNoTracking().Where(c => db.CampaignParticipants.Any(p => levels.Contains(p.CampaignId) && p.ChamberId == c.Id
                && p.Outcome == Lifecycle.CampaignProgress.Outcomes.Commended)),
            (chamber, ct) => named.Contains(chamber.Id)
                ? CommendationAsync(mailing, notice, campaign, wording, chamber, scores.GetValueOrDefault(chamber.Id), validity.GetValueOrDefault(chamber.Id), instanceId, ct)
                : ValueTask.FromResult<OutboxMessage?>(null));
    }

    private async ValueTask<OutboxMessage?> LetterAsync(ParticipantMailing mailing, NoticeRecord notice, string campaign, CampaignWording wording,
        ChamberRecord chamber, string? instanceId, CancellationToken cancellationToken)
    {
        var addresses = EmailMessage.Addresses(chamber.Email);
        if (addresses.Count == 0)
            return null;
        var language = MessageLanguage.Of(chamber.Language);
        var model = new Dictionary<string, object?>
        {
            ["chamber"] = chamber.Name,
            ["campaign"] = campaign,
            ["title"] = notice.Title,
            ["number"] = notice.Number,
            ["issuer"] = notice.Issuer,
            ["decision"] = notice.Kind == NoticeKinds.Decision,
            ["link"] = links.IssueLink(chamber),
        };
        wording.AddTo(model, portal.Value, language);
        return await MessageAsync(mailing, Template, addresses, model, language, instanceId, chamber, cancellationToken);
    }

    private async ValueTask<OutboxMessage?> CommendationAsync(ParticipantMailing mailing, NoticeRecord notice, string campaign, CampaignWording wording,
        ChamberRecord chamber, double? score, DateOnly validUntil, string? instanceId, CancellationToken cancellationToken)
    {
        var addresses = EmailMessage.Addresses(chamber.Email);
        if (addresses.Count == 0)
            return null;
        var language = MessageLanguage.Of(chamber.Language);
        var model = new Dictionary<string, object?>
        {
            ["chamber"] = chamber.Name,
            ["campaign"] = campaign,
            ["honour"] = notice.Honour ?? notice.Title,
            ["total"] = score?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
            ["link"] = links.IssueLink(chamber),
            ["validUntil"] = validUntil == default ? "" : CampaignMail.ChineseDate(validUntil),
            ["validUntilEn"] = validUntil == default ? "" : CampaignMail.EnglishDate(validUntil),
        };
        wording.AddTo(model, portal.Value, language);
        return await MessageAsync(mailing, mailing.Template, addresses, model, language, instanceId, chamber, cancellationToken);
    }

    private async ValueTask<OutboxMessage> MessageAsync(ParticipantMailing mailing, string template, IReadOnlyList<string> addresses,
        Dictionary<string, object?> model, string language, string? instanceId, ChamberRecord chamber, CancellationToken cancellationToken)
    {
        var email = await CampaignMail.RenderAsync(templates, template, addresses, model, language: language, cancellationToken: cancellationToken);
        return mailing.MessageTo(chamber.Id, email, instanceId, clock.GetUtcNow());
    }
}
