using System.Text;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Mailings;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Portal;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Meetings;

/// <summary>
/// A campaign meeting's news to every participant it invites: for each, in its language, the
/// template with its portal link (where it sends the 回执) and an .ics naming it as the attendee —
/// the invitation, an update of it with a higher sequence, or its cancellation.
/// </summary>
public sealed class MeetingLetters(
    IDbContextFactory<CampaignDbContext> campaigns,
    CampaignMeetings meetings,
    EmailTemplates templates,
    PortalLinks links,
    IOptions<MeetingOptions> meetingOptions,
    IOptions<PortalOptions> portal,
    TimeProvider clock) : IParticipantLetters
{
    public const string MeetingKind = "meeting";

    public const string Invitation = "meeting-invitation";
    public const string Moved = "meeting-moved";
    public const string Cancelled = "meeting-cancelled";

    public string Kind => MeetingKind;

    /// <summary>The mailing of a meeting's news (the invitation or a move, at its sequence).</summary>
    public static ParticipantMailing Mailing(CampaignMeetingRecord meeting, string template) => new(MeetingKind, meeting.Id, template, meeting.Sequence);

    /// <summary>The cancellation: the mailer takes the sequence after the last one sent.</summary>
    public static ParticipantMailing Cancellation(string meetingId) => new(MeetingKind, meetingId, Cancelled, -1);

    public async Task<Letters?> PrepareAsync(ParticipantMailing mailing, string? instanceId, CancellationToken cancellationToken)
    {
        var meeting = await meetings.FindAsync(mailing.SubjectId, cancellationToken)
            ?? throw new KeyNotFoundException($"Meeting {mailing.SubjectId} does not exist.");
        if (mailing.Template == Cancelled)
        {
            if (meeting.Status is MeetingStatus.Recorded or MeetingStatus.Recording)
                return null; // held: nothing to call off
            if (meeting.Status == MeetingStatus.Planned)
            {
                // Nobody was invited yet: nobody is told.
                meeting.Status = MeetingStatus.Cancelled;
                await meetings.SaveAsync(meeting, cancellationToken);
                return null;
            }

            if (meeting.Status != MeetingStatus.Cancelled)
            {
                meeting.Status = MeetingStatus.Cancelled;
                meeting.Sequence++;
                await meetings.SaveAsync(meeting, cancellationToken);
            }

            mailing = mailing with { Sequence = meeting.Sequence };
        }
        else if (mailing.Sequence < meeting.Sequence || meeting.Status == MeetingStatus.Cancelled)
        {
            return null; // moved again (or called off) since: the later mailing tells everyone
        }

        string campaign;
        CampaignWording wording;
        await using (var db = await campaigns.CreateDbContextAsync(cancellationToken))
            (campaign, wording) = await CampaignWording.OfCampaignAsync(db, meeting.CampaignId, cancellationToken);

        // One calendar for the mailing, each participant's copy naming it alone.
        var uid = $"{meeting.Id}@chamber-campaign-workflows";
        var organizer = CalendarInvite.Person(meetingOptions.Value.Organizer ?? "noreply@chamber.localhost");
        var (start, end) = (Utc(meeting.StartsAt), Utc(meeting.EndsAt));
        var calendar = mailing.Template == Cancelled
            ? CalendarRequest.Cancellation(uid, mailing.Sequence, meeting.Title, meeting.Location, start, end, clock.GetUtcNow(), organizer)
            : CalendarRequest.Request(uid, mailing.Sequence, meeting.Title, meeting.Location, meeting.Description, start, end, clock.GetUtcNow(), organizer);
        // The fields every letter of the mailing shares, worked out once for all of them.
        var shared = CampaignMail.MeetingFields(start);
        shared["campaign"] = campaign;
        shared["title"] = meeting.Title;
        shared["description"] = meeting.Description;
        shared["location"] = meeting.Location;
        if (mailing.Template != Cancelled)
        {
            shared["replyDue"] = CampaignMail.ChineseDate(meeting.ReplyDue);
            shared["replyDueEn"] = CampaignMail.EnglishDate(meeting.ReplyDue);
        }

        var news = new MeetingNews(mailing, calendar, wording, shared);
        return new Letters(db => CampaignMeetings.Invitees(db, meeting), (chamber, ct) => LetterAsync(news, chamber, instanceId, ct));
    }

    /// <summary>A mailing's calendar and the template fields all its letters share.</summary>
    private sealed record MeetingNews(ParticipantMailing Mailing, CalendarRequest Calendar, CampaignWording Wording, IReadOnlyDictionary<string, object?> Fields);

    private async ValueTask<OutboxMessage?> LetterAsync(MeetingNews news, ChamberRecord chamber, string? instanceId, CancellationToken cancellationToken)
    {
        var addresses = EmailMessage.Addresses(chamber.Email);
        if (addresses.Count == 0)
            return null;
        var mailing = news.Mailing;
        var ics = news.Calendar.For(addresses.Select(address => new CalendarPerson(chamber.Name, address)));

        var language = MessageLanguage.Of(chamber.Language);
        var model = new Dictionary<string, object?>(news.Fields);
        model["chamber"] = chamber.Name;
        model["link"] = links.IssueLink(chamber);
        news.Wording.AddTo(model, portal.Value, language);
        var method = mailing.Template == Cancelled ? "CANCEL" : "REQUEST";
        var email = await CampaignMail.RenderAsync(templates, mailing.Template, addresses, model,
            [new EmailAttachment("meeting.ics", $"text/calendar; charset=utf-8; method={method}", Convert.ToBase64String(Encoding.UTF8.GetBytes(ics)))],
            language, cancellationToken);
        return mailing.MessageTo(chamber.Id, email, instanceId, clock.GetUtcNow());
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
