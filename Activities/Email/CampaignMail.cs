using System.Globalization;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Portal;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chamber.Campaigns.Email;

/// <summary>
/// How campaign activities write to chambers and leaders: a template (shipped or as administrators changed it), the chamber's fresh
/// portal link, the sender's name, and one outbox message per instance, activity, template and
/// occasion — so a repeated slice never sends the same message twice.
/// </summary>
public static class CampaignMail
{
    /// <summary>Today in Beijing, on the workflow's clock.</summary>
    public static DateOnly Today(ActivityExecutionContext context) => BeijingTime.Today(context.Clock);

    /// <summary>The deadline fields every template knows: dates and weekdays in Chinese and English, working days left or overdue.</summary>
    public static Dictionary<string, object?> DueFields(ChineseBusinessCalendar calendar, DateOnly today, DateOnly due) => new()
    {
        ["dueDate"] = ChineseDate(due),
        ["dueDateEn"] = EnglishDate(due),
        ["dueWeekday"] = ChineseWeekday(due),
        ["dueWeekdayEn"] = due.DayOfWeek.ToString(),
        ["workingDaysLeft"] = WorkingDaysBetween(calendar, today, due),
        ["overdueWorkingDays"] = WorkingDaysBetween(calendar, due, today),
    };

    /// <summary>The fields of a meeting's time every meeting message knows, in Beijing time: date and weekday in Chinese and English, and the hour.</summary>
    public static Dictionary<string, object?> MeetingFields(DateTimeOffset start)
    {
        var local = start.ToOffset(BeijingTime.Offset);
        var day = DateOnly.FromDateTime(local.DateTime);
        return new()
        {
            ["meetingDate"] = ChineseDate(day),
            ["meetingDateEn"] = EnglishDate(day),
            ["meetingWeekday"] = ChineseWeekday(day),
            ["meetingWeekdayEn"] = day.DayOfWeek.ToString(),
            ["meetingTime"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    public static string ChineseDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string EnglishDate(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>星期一 … 星期日. A table, not the zh-CN culture: its lookup takes a lock that 50,000 letters written on two cores queued on.</summary>
    public static string ChineseWeekday(DateOnly date) => ChineseWeekdays[(int)date.DayOfWeek];

    private static readonly string[] ChineseWeekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    /// <summary>A message to a chamber, in its language, with its fresh portal link and the signature of that language.</summary>
    /// <param name="chamber">The chamber's record when the step has just read it, which saves reading it again.</param>
    public static async Task SendAsync(ActivityExecutionContext context, string template, IReadOnlyList<string> to, string chamberId, string occasion,
        IDictionary<string, object?> model, IReadOnlyList<EmailAttachment>? attachments = null, Chambers.ChamberRecord? chamber = null)
    {
        if (chamber?.Id != chamberId)
            chamber = await context.Services.GetRequiredService<Chambers.ChamberDirectory>().GetRequiredAsync(chamberId, context.CancellationToken);

        var language = MessageLanguage.Of(chamber.Language);
        model["link"] = context.Services.GetRequiredService<PortalLinks>().IssueLink(chamber);
        CampaignWording.Of(context.WorkflowInput).AddTo(model, context.Services.GetService<IOptions<PortalOptions>>()?.Value, language);
        await EnqueueAsync(context, template, to, occasion, model, language, attachments);
    }

    /// <summary>
    /// A message to staff or leaders (not a chamber): no portal link, but the inbox's address; one
    /// message per language of the people it goes to (their own setting, Chinese by default).
    /// </summary>
    /// <param name="page">The web client's page the message links to (the inbox, or a campaign's page).</param>
    public static async Task SendToStaffAsync(ActivityExecutionContext context, string template, IReadOnlyList<string> to, string occasion, IDictionary<string, object?> model,
        string page = "/inbox")
    {
        var options = context.Services.GetService<IOptions<PortalOptions>>()?.Value;
        var languages = context.Services.GetService<Tasks.IPeopleDirectory>() is { } people
            ? await people.LanguagesAsync(to, context.CancellationToken)
            : new Dictionary<string, string>();
        foreach (var group in to.GroupBy(address => languages.GetValueOrDefault(address) ?? MessageLanguage.Chinese).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            StaffFields(options, model, group.Key, page);
            CampaignWording.Of(context.WorkflowInput).AddTo(model, options, group.Key);
            // The Chinese message keeps the key it always had, so a step repeated across an upgrade still sends it once.
            var occasionOf = group.Key == MessageLanguage.Chinese ? occasion : $"{occasion}.{group.Key}";
            await EnqueueAsync(context, template, [.. group], occasionOf, model, group.Key);
        }
    }

    /// <summary>The link and signature of a message to staff or leaders.</summary>
    public static void StaffFields(PortalOptions? options, IDictionary<string, object?> model, string language = MessageLanguage.Chinese, string page = "/inbox")
    {
        model["link"] = options is null ? null : $"{options.BaseUrl.TrimEnd('/')}{page}";
        model["sender"] = options?.SenderIn(language);
    }

    /// <summary>The template rendered in <paramref name="language"/> into the message the outbox stores.</summary>
    public static async Task<EmailMessage> RenderAsync(EmailTemplates templates, string template, IReadOnlyList<string> to, IDictionary<string, object?> model,
        IReadOnlyList<EmailAttachment>? attachments = null, string language = MessageLanguage.Chinese, CancellationToken cancellationToken = default)
    {
        var rendered = await templates.RenderAsync(template, model, language, cancellationToken);
        return new EmailMessage(to, rendered.Subject, rendered.Text, rendered.Html, Attachments: attachments);
    }

    /// <summary>One message per instance, activity, template and occasion: asking twice for it sends it once.</summary>
    public static string IdempotencyKey(string instanceId, string activityId, string template, string occasion) =>
        $"{instanceId}/{activityId}/{template}/{occasion}";

    /// <summary>The template a message's <see cref="IdempotencyKey"/> names; null for a key of another kind (a SendEmail activity's own).</summary>
    public static string? TemplateOf(string idempotencyKey) =>
        idempotencyKey.Split('/') is { Length: >= 4 } parts ? parts[2] : null;

    private static async Task EnqueueAsync(ActivityExecutionContext context, string template, IReadOnlyList<string> to, string occasion,
        IDictionary<string, object?> model, string language, IReadOnlyList<EmailAttachment>? attachments = null)
    {
        var message = await RenderAsync(context.Services.GetRequiredService<EmailTemplates>(), template, to, model, attachments, language, context.CancellationToken);
        context.EnqueueMessage(EmailMessage.Channel, message.ToJson(), message.Summary,
            IdempotencyKey(context.WorkflowExecutionContext.Id, context.Activity.Id, template, occasion));
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public static int WorkingDaysBetween(ChineseBusinessCalendar calendar, DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            count += calendar.IsWorkingDay(day) ? 1 : 0;
        return count;
    }
}
