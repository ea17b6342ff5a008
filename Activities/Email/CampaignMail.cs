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

    /// <summary>The deadline fields every template knows: dates in Chinese and English, weekday, working days left or overdue.</summary>
    public static Dictionary<string, object?> DueFields(ChineseBusinessCalendar calendar, DateOnly today, DateOnly due) => new()
    {
        ["dueDate"] = due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
        ["dueDateEn"] = due.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        ["dueWeekday"] = CultureInfo.GetCultureInfo("zh-CN").DateTimeFormat.GetDayName(due.DayOfWeek),
        ["workingDaysLeft"] = WorkingDaysBetween(calendar, today, due),
        ["overdueWorkingDays"] = WorkingDaysBetween(calendar, due, today),
    };

    /// <param name="chamber">The chamber's record when the step has just read it, which saves looking up its portal version again.</param>
    public static async Task SendAsync(ActivityExecutionContext context, string template, IReadOnlyList<string> to, string chamberId, string occasion,
        IDictionary<string, object?> model, IReadOnlyList<EmailAttachment>? attachments = null, Chambers.ChamberRecord? chamber = null)
    {
        var links = context.Services.GetRequiredService<PortalLinks>();
        model["link"] = chamber?.Id == chamberId ? links.IssueLink(chamber) : await links.IssueLinkAsync(chamberId);
        model["sender"] = context.Services.GetService<IOptions<PortalOptions>>()?.Value.SenderName;
        await EnqueueAsync(context, template, to, occasion, model, attachments);
    }

    /// <summary>A message to staff or leaders (not a chamber): no portal link, but the inbox's address.</summary>
    public static async Task SendToStaffAsync(ActivityExecutionContext context, string template, IReadOnlyList<string> to, string occasion, IDictionary<string, object?> model)
    {
        StaffFields(context.Services.GetService<IOptions<PortalOptions>>()?.Value, model);
        await EnqueueAsync(context, template, to, occasion, model);
    }

    /// <summary>The link and signature of a message to staff or leaders.</summary>
    public static void StaffFields(PortalOptions? options, IDictionary<string, object?> model)
    {
        model["link"] = options is null ? null : $"{options.BaseUrl.TrimEnd('/')}/inbox";
        model["sender"] = options?.SenderName;
    }

    /// <summary>The template rendered into the message the outbox stores.</summary>
    public static async Task<EmailMessage> RenderAsync(EmailTemplates templates, string template, IReadOnlyList<string> to, IDictionary<string, object?> model,
        IReadOnlyList<EmailAttachment>? attachments = null, CancellationToken cancellationToken = default)
    {
        var rendered = await templates.RenderAsync(template, model, cancellationToken);
        return new EmailMessage(to, rendered.Subject, rendered.Text, rendered.Html, Attachments: attachments);
    }

    /// <summary>One message per instance, activity, template and occasion: asking twice for it sends it once.</summary>
    public static string IdempotencyKey(string instanceId, string activityId, string template, string occasion) =>
        $"{instanceId}/{activityId}/{template}/{occasion}";

    /// <summary>The template a message's <see cref="IdempotencyKey"/> names; null for a key of another kind (a SendEmail activity's own).</summary>
    public static string? TemplateOf(string idempotencyKey) =>
        idempotencyKey.Split('/') is { Length: >= 4 } parts ? parts[2] : null;

    private static async Task EnqueueAsync(ActivityExecutionContext context, string template, IReadOnlyList<string> to, string occasion,
        IDictionary<string, object?> model, IReadOnlyList<EmailAttachment>? attachments = null)
    {
        var message = await RenderAsync(context.Services.GetRequiredService<EmailTemplates>(), template, to, model, attachments);
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
