using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chamber.Host.Email;

/// <summary>Hands one composed message to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP with MailKit: one connection per message for now (a client is not thread-safe, and delivery sends a few at once).</summary>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = !smtp.EnableSsl ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>
/// The embedded default: every message becomes an <c>.eml</c> file in the pickup folder. It is
/// written under a temporary name and renamed when complete, so whatever reads the folder never
/// sees half a message (nor an empty one after a crash).
/// </summary>
internal sealed class PickupMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    /// <summary>Lines end as on the wire (CRLF), as mail programs expect of an .eml file on any system.</summary>
    private static readonly FormatOptions Format = CreateFormat();

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var name = Guid.CreateVersion7().ToString("N");
        var partial = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(Format, partial, cancellationToken);
        File.Move(partial, Path.Combine(directory, name + ".eml"));
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
