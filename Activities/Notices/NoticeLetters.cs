using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Mailings;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Portal;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Notices;

/// <summary>A published notice's e-mail to every participant: its title and number, and the portal link where the document waits.</summary>
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

    public static ParticipantMailing Mailing(NoticeRecord notice) => new(NoticeKind, notice.Id, Template);

    public async Task<Letters?> PrepareAsync(ParticipantMailing mailing, string? instanceId, CancellationToken cancellationToken)
    {
        var notice = await notices.FindAsync(mailing.SubjectId, cancellationToken)
            ?? throw new KeyNotFoundException($"Notice {mailing.SubjectId} does not exist.");
        if (notice.Status != NoticeKinds.Published)
            return null; // redrafted since: the next publication tells everyone
        Lifecycle.CampaignRecord? record;
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
            record = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == notice.CampaignId, cancellationToken);
        var campaign = record?.Name ?? "";
        var wording = record is null ? CampaignWording.Default : CampaignWording.Of(record);
        return new Letters(
            db => db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == notice.CampaignId)
                .Join(db.Chambers.AsNoTracking(), p => p.ChamberId, c => c.Id, (p, c) => c),
            (chamber, ct) => LetterAsync(mailing, notice, campaign, wording, chamber, instanceId, ct));
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
        var email = await CampaignMail.RenderAsync(templates, Template, addresses, model, language: language, cancellationToken: cancellationToken);
        return new OutboxMessage(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel, mailing.KeyFor(chamber.Id), email.ToJson(), email.Summary,
            instanceId, clock.GetUtcNow());
    }
}
