using System.Text.Json;
using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Email;

/// <summary>A file sent with an e-mail (an <c>.ics</c> invitation, a rectification order).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string ContentBase64);

/// <summary>
/// An e-mail as the outbox stores it (channel <see cref="Channel"/>): everything needed to send it,
/// rendered when the workflow step asked for it, so what is sent is what the step saw.
/// </summary>
public sealed record EmailMessage(
    IReadOnlyList<string> To,
    string Subject,
    string Text,
    string? Html = null,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyList<string>? Bcc = null,
    string? From = null,
    IReadOnlyList<EmailAttachment>? Attachments = null)
{
    public const string Channel = "email";

    // Stored for our own sender, never embedded in a page: Chinese text and HTML are kept as they
    // are rather than escaped to \uXXXX, which made a reminder's row about twice the size and its
    // serialisation a third of rendering a reminder.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EmailMessage FromJson(string json) =>
        JsonSerializer.Deserialize<EmailMessage>(json, Json) ?? throw new JsonException("An outbox e-mail payload is empty.");

    /// <summary>One line for the outbox list.</summary>
    public string Summary => $"{string.Join(", ", To)} · {Subject}";

    /// <summary>Addresses from a list or one string separated by commas, semicolons or the Chinese 、；，.</summary>
    public static IReadOnlyList<string> Addresses(object? value) => value switch
    {
        null => [],
        string text => [.. text.Split([',', ';', '，', '；', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        IEnumerable<object?> items => [.. items.SelectMany(Addresses)],
        _ => Addresses(value.ToString()),
    };

    /// <summary>The problems that would stop this message from being sent, in words for the designer.</summary>
    public IEnumerable<string> Problems()
    {
        if (To.Count == 0)
            yield return ReaderText.Of("没有收件人", "The e-mail has no recipient.");
        foreach (var address in To.Concat(Cc ?? []).Concat(Bcc ?? []).Concat(From is null ? [] : [From]))
        {
            if (!EmailAddress.IsValid(address))
                yield return ReaderText.Of($"'{address}' 不是有效的邮箱地址", $"'{address}' is not an e-mail address.");
        }

        if (string.IsNullOrWhiteSpace(Subject))
            yield return ReaderText.Of("邮件没有主题", "The e-mail has no subject.");
    }
}
