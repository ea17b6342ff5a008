using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Email;

/// <summary>Hands one composed message to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP with System.Net.Mail (MailKit is not available here). One client per message: SmtpClient is not thread-safe.</summary>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            Timeout = (int)smtp.Timeout.TotalMilliseconds,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        await client.SendMailAsync(message, cancellationToken);
    }
}

/// <summary>The embedded default: every message becomes an <c>.eml</c> file in the pickup folder.</summary>
internal sealed class PickupMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = directory };
        await client.SendMailAsync(message, cancellationToken);
    }
}
