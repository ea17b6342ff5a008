using System.Net;
using System.Text.RegularExpressions;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Campaigns.Email;

/// <summary>
/// Elsa's SendEmail, delivered through the outbox: the message is stored with the step's commit and
/// sent afterwards, retried until the mail server takes it. The workflow does not wait for delivery.
/// </summary>
[Activity("Elsa.SendEmail", "Email", "Sends an e-mail (delivered through the outbox, retried until the mail server accepts it).", DisplayName = "Send Email")]
public sealed partial class SendEmail : CodeActivity
{
    [Input(Description = "Sender address; the configured sender when empty.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? From { get; set; }

    [Input(Description = "Recipients: a list, or addresses separated by commas.", UIHint = InputUIHints.MultiText, IsRequired = true)]
    public Input<object>? To { get; set; }

    [Input(Description = "Copy recipients.", UIHint = InputUIHints.MultiText)]
    public Input<object>? Cc { get; set; }

    [Input(Description = "Blind copy recipients.", UIHint = InputUIHints.MultiText)]
    public Input<object>? Bcc { get; set; }

    [Input(Description = "The subject line.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Subject { get; set; }

    [Input(Description = "The body, as HTML (as in Elsa); a plain-text part is derived from it.", UIHint = InputUIHints.MultiLine)]
    public Input<string>? Body { get; set; }

    [Input(DisplayName = "Idempotency key",
        Description = "Optional: a message with the same key is sent only once, however often this step runs.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? IdempotencyKey { get; set; }

    [Output(Description = "The outbox id of the message.")]
    public Output<string>? Result { get; set; }

    protected override ValueTask ExecuteCodeAsync(ActivityExecutionContext context)
    {
        var body = context.Get(Body) ?? "";
        var from = context.Get(From);
        var message = new EmailMessage(
            EmailMessage.Addresses(context.Get(To)),
            (context.Get(Subject) ?? "").Trim(),
            ToPlainText(body),
            LooksLikeHtml(body) ? body : null,
            EmailMessage.Addresses(context.Get(Cc)),
            EmailMessage.Addresses(context.Get(Bcc)),
            string.IsNullOrWhiteSpace(from) ? null : from.Trim());
        var problems = message.Problems().ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(" ", problems));

        var key = context.Get(IdempotencyKey);
        var queued = context.EnqueueMessage(EmailMessage.Channel, message.ToJson(), message.Summary, string.IsNullOrWhiteSpace(key) ? null : key);
        context.Set(Result, queued.Id);
        return ValueTask.CompletedTask;
    }

    private static bool LooksLikeHtml(string body) => HtmlTag().IsMatch(body);

    /// <summary>The text part: line breaks where the HTML had blocks, tags dropped, entities decoded.</summary>
    internal static string ToPlainText(string body)
    {
        if (!LooksLikeHtml(body))
            return body;
        var text = BlockBreak().Replace(body, "\n");
        text = HtmlTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return BlankLines().Replace(text, "\n\n").Trim();
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h[1-6])\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+")]
    private static partial Regex BlankLines();
}
