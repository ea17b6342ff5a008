using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Mailings;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Portal;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Stopping;

/// <summary>
/// The letter telling each participant still expected to do something (launched, no outcome yet)
/// that the campaign is stopped, why, and that nothing more is asked of it: the reminders it was
/// promised would otherwise just stop, unexplained.
/// </summary>
public sealed class CampaignStopLetters(
    IDbContextFactory<CampaignDbContext> campaigns,
    EmailTemplates templates,
    PortalLinks links,
    IOptions<PortalOptions> portal,
    TimeProvider clock) : IParticipantLetters
{
    public const string StopKind = "campaign-stop";
    public const string Template = "campaign-stopped";

    public string Kind => StopKind;

    public static ParticipantMailing Mailing(string campaignId) => new(StopKind, campaignId, Template);

    public async Task<Letters?> PrepareAsync(ParticipantMailing mailing, string? instanceId, CancellationToken cancellationToken)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == mailing.SubjectId, cancellationToken)
            ?? throw new KeyNotFoundException($"Campaign {mailing.SubjectId} does not exist.");
        if (campaign.Status != CampaignStatus.Stopped || campaign.StoppedAt is not { } stoppedAt)
            return null;
        var wording = CampaignWording.Of(campaign);
        var day = Calendar.BeijingTime.DayOf(new DateTimeOffset(stoppedAt, TimeSpan.Zero));
        return new Letters(
            db => db.CampaignParticipants.AsNoTracking().Where(p => p.CampaignId == campaign.Id && p.Launched && p.Outcome == null)
                .Join(db.Chambers.AsNoTracking(), p => p.ChamberId, c => c.Id, (p, c) => c),
            (chamber, ct) => LetterAsync(mailing, campaign, wording, day, chamber, ct));
    }

    private async ValueTask<OutboxMessage?> LetterAsync(ParticipantMailing mailing, CampaignRecord campaign, CampaignWording wording, DateOnly day,
        ChamberRecord chamber, CancellationToken cancellationToken)
    {
        var addresses = EmailMessage.Addresses(chamber.Email);
        if (addresses.Count == 0)
            return null;
        var language = MessageLanguage.Of(chamber.Language);
        var model = new Dictionary<string, object?>
        {
            ["chamber"] = chamber.Name,
            ["campaign"] = campaign.Name,
            ["reason"] = campaign.StopReason,
            ["date"] = CampaignMail.ChineseDate(day),
            ["dateEn"] = CampaignMail.EnglishDate(day),
            ["link"] = links.IssueLink(chamber),
        };
        wording.AddTo(model, portal.Value, language);
        var email = await CampaignMail.RenderAsync(templates, Template, addresses, model, language: language, cancellationToken: cancellationToken);
        return mailing.MessageTo(chamber.Id, email, CampaignService.CampaignInstanceId(campaign.Id), clock.GetUtcNow());
    }
}
