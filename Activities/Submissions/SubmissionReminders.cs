using System.Globalization;
using System.Text.Json;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Escalations;
using Chamber.Campaigns.Portal;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Runtime;
using Chamber.Workflows.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Submissions;

/// <summary>
/// What the reminder timer of one open submission request carries: enough to write the reminder,
/// the chase and the escalation without the request's workflow instance. <see cref="Kind"/>,
/// <see cref="Chase"/> and <see cref="Occasion"/> say which reminder the timer fires next; the
/// occasion names its e-mails, so firing it again (a retry) sends nothing twice.
/// </summary>
public sealed record SubmissionReminder(
    string ChamberId, string ChamberName, string ChamberEmail, string Title, string? Description, string Campaign, string? Feedback,
    DateOnly Due, int Round, int[] DaysBefore, int ChaseEvery, int EscalateAt, IReadOnlyList<string> EscalateTo,
    string Kind = DueReminder.Before, int Chase = 0, string Occasion = "", int MaxChases = SubmissionReminder.DefaultMaxChases,
    CampaignWording? Wording = null)
{
    /// <summary>Chases when the step does not say (and for reminders written before the limit could be set).</summary>
    public const int DefaultMaxChases = 3;

    /// <summary>The first reminder after <paramref name="now"/> and when it falls due, or null when none is left.</summary>
    /// <exception cref="CalendarYearMissingException">The schedule reaches a year the calendar does not have yet.</exception>
    public (SubmissionReminder Reminder, DateTimeOffset At)? Next(ChineseBusinessCalendar calendar, DateTimeOffset now)
    {
        var chasesSoFar = Kind == DueReminder.Overdue ? Chase : 0;
        if (new ReminderSchedule(DaysBefore, ChaseEvery, MaxChases).Next(calendar, Due, chasesSoFar, now) is not { } next)
            return null;
        var occasion = next.Kind == DueReminder.Before
            ? BeijingTime.DayOf(next.At).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            : $"chase{next.Chase.ToString(CultureInfo.InvariantCulture)}";
        return (this with { Kind = next.Kind, Chase = next.Chase, Occasion = occasion }, next.At);
    }

    /// <summary>The fields of the reminder templates (deadline, working days, the request) as of <paramref name="today"/>.</summary>
    public Dictionary<string, object?> Model(ChineseBusinessCalendar calendar, DateOnly today)
    {
        var model = CampaignMail.DueFields(calendar, today, Due);
        model["chamber"] = ChamberName;
        model["campaign"] = Campaign;
        model["title"] = Title;
        model["description"] = Description;
        model["feedback"] = Feedback;
        return model;
    }
}

/// <summary>
/// Fires the reminders of open submission requests (提醒, 催办, 督办) a batch at a time, without
/// loading the requests' instances: at the first reminder of a campaign every chamber's falls due
/// in the same minute. For each due timer: the reminder before the deadline, or the n-th chase
/// after it — with the escalation for the leaders' daily digest at the chase that escalates —
/// then the next reminder. Each e-mail carries a fresh portal link and goes to the chamber's current address.
/// </summary>
public sealed class SubmissionReminders(BusinessCalendarService calendars, ChamberDirectory directory, PortalLinks links, EmailTemplates templates,
    IOptions<PortalOptions> portal, IOptions<LeaderDigestOptions> digest, ILogger<SubmissionReminders> logger) : IDetachedTimerHandler
{
    public const string Name = "Chamber.SubmissionReminder";

    public string BookmarkName => Name;

    public async Task<IReadOnlyList<TimerAdvance>> FireAsync(IReadOnlyList<DueTimer> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync(cancellationToken);
        var reminders = new SubmissionReminder?[due.Count];
        Parallel.For(0, due.Count, i => reminders[i] = Read(due[i]));
        var chambers = await directory.ContactsAsync([.. reminders.OfType<SubmissionReminder>().Select(r => r.ChamberId).Distinct()], cancellationToken);
        var advances = new TimerAdvance[due.Count];
        // Rendering is the work here; all cores share it.
        await Parallel.ForAsync(0, due.Count, cancellationToken, async (i, ct) =>
            advances[i] = await FireAsync(due[i], reminders[i], calendar, chambers, now, ct));
        return advances;
    }

    private async Task<TimerAdvance> FireAsync(DueTimer timer, SubmissionReminder? reminder, ChineseBusinessCalendar calendar,
        IReadOnlyDictionary<string, ChamberContact> chambers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reminder is null)
        {
            logger.LogError("Reminder {Bookmark} of instance {Instance} has no readable payload; it is stopped.", timer.BookmarkId, timer.InstanceId);
            return new TimerAdvance(timer, [], null, timer.Payload);
        }

        IReadOnlyList<OutboxMessage> messages;
        try
        {
            messages = await MessagesAsync(timer, reminder, calendar, chambers, now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A time not after now: the sweeper tries it again a little later; the other reminders go on.
            logger.LogError(e, "Reminder {Bookmark} of instance {Instance} could not be written; it is tried again shortly.", timer.BookmarkId, timer.InstanceId);
            return new TimerAdvance(timer, [], now, timer.Payload);
        }

        try
        {
            return reminder.Next(calendar, now) is { } next
                ? new TimerAdvance(timer, messages, next.At, JsonSerializer.Serialize(next.Reminder, StateJson.Options))
                : new TimerAdvance(timer, messages, null, timer.Payload);
        }
        catch (CalendarYearMissingException e)
        {
            // This reminder goes out; the next one is worked out again a little later, until an
            // administrator adds the year (its e-mails are keyed by occasion, so none is sent twice).
            logger.LogError("The reminder after {Bookmark} of instance {Instance} falls in a year without calendar data: {Problem}",
                timer.BookmarkId, timer.InstanceId, e.Message);
            return new TimerAdvance(timer, messages, now, timer.Payload);
        }
    }

    /// <summary>The reminder or chase to the chamber and, with the chase that escalates, the escalation for the leaders' digest.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> MessagesAsync(DueTimer timer, SubmissionReminder reminder, ChineseBusinessCalendar calendar,
        IReadOnlyDictionary<string, ChamberContact> chambers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (chambers.GetValueOrDefault(reminder.ChamberId) is not { } chamber)
        {
            logger.LogWarning("Chamber {Chamber} of reminder {Bookmark} is no longer in the directory; this reminder is skipped.", reminder.ChamberId, timer.BookmarkId);
            return [];
        }

        var today = BeijingTime.DayOf(now);
        var model = reminder.Model(calendar, today);
        var language = MessageLanguage.Of(chamber.Language);
        model["link"] = links.IssueLink(chamber.Id, chamber.PortalVersion);
        // Reminders written before campaigns had their own wording sign as the Host does.
        (reminder.Wording ?? CampaignWording.Default).AddTo(model, portal.Value, language);
        var to = EmailMessage.Addresses(string.IsNullOrWhiteSpace(chamber.Email) ? reminder.ChamberEmail : chamber.Email);
        var occasion = $"{reminder.Round}/{reminder.Occasion}";
        if (reminder.Kind == DueReminder.Before)
            return [await MessageAsync(timer, "submission-reminder", to, occasion, model, language, now, cancellationToken)];

        var chase = await MessageAsync(timer, "submission-overdue", to, occasion, model, language, now, cancellationToken);
        if (reminder.Chase != reminder.EscalateAt || reminder.EscalateTo.Count == 0)
            return [chase];
        var escalation = new Escalation("", reminder.Title, reminder.Campaign, reminder.ChamberName, [], reminder.Due);
        return [chase, .. EscalationMessages.For(reminder.EscalateTo, escalation,
            CampaignMail.IdempotencyKey(timer.InstanceId, timer.ActivityId, "escalation", $"{reminder.Round}"), timer.InstanceId, calendar, digest.Value, now)];
    }

    private async Task<OutboxMessage> MessageAsync(DueTimer timer, string template, IReadOnlyList<string> to, string occasion,
        Dictionary<string, object?> model, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = await CampaignMail.RenderAsync(templates, template, to, model, language: language, cancellationToken: cancellationToken);
        return new OutboxMessage(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel,
            CampaignMail.IdempotencyKey(timer.InstanceId, timer.ActivityId, template, occasion), message.ToJson(), message.Summary, timer.InstanceId, now);
    }

    private static SubmissionReminder? Read(DueTimer timer)
    {
        try
        {
            return timer.Payload is null ? null : JsonSerializer.Deserialize<SubmissionReminder>(timer.Payload, StateJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
