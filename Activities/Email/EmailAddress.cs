using MimeKit;

namespace Chamber.Campaigns.Email;

/// <summary>
/// Reads an e-mail address the way the mail is later built and sent (MimeKit), strictly: a local
/// part and a domain are required, and "名称 &lt;a@b.cn&gt;" gives the address inside the brackets.
/// </summary>
public static class EmailAddress
{
    private static readonly ParserOptions Strict = CreateStrict();

    /// <summary>The bare address ("a@b.cn") when <paramref name="text"/> is one mailbox; null otherwise.</summary>
    public static string? Parse(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailboxAddress.TryParse(Strict, text.Trim(), out var mailbox)
        && mailbox.LocalPart.Length > 0 && mailbox.Domain.Length > 0 ? mailbox.Address : null;

    public static bool IsValid(string? text) => Parse(text) is not null;

    private static ParserOptions CreateStrict()
    {
        var options = ParserOptions.Default.Clone();
        options.AllowAddressesWithoutDomain = false;
        options.AddressParserComplianceMode = RfcComplianceMode.Strict;
        return options;
    }
}
