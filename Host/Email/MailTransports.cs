using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chamber.Host.Email;

/// <summary>Hands one composed message to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Whether a message could go out now (for the readiness check): throws why not, else says where mail goes.</summary>
    Task<string> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>
/// SMTP with MailKit, connections kept open and reused: a client is not thread-safe, so each
/// message borrows an idle connected client (or opens one: TLS as configured, then AUTH) and
/// gives it back when the server has answered. A connection that failed is closed, never reused;
/// one idle past <see cref="SmtpOptions.IdleTimeout"/> is closed before use. SMTPUTF8 is used
/// whenever the server offers it and an address needs it (MailKit decides per message).
/// </summary>
/// <remarks>
/// Idleness is measured on the real clock (<c>socketClock</c>), never the application's:
/// a rehearsal's manual clock says nothing about how long a socket has been quiet.
/// </remarks>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options, TimeProvider socketClock) : IMailTransport, IAsyncDisposable
{
    private readonly ConcurrentBag<IdleClient> _idle = [];

    private sealed record IdleClient(SmtpClient Client, long Since);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await BorrowAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException) when (client.IsConnected)
        {
            // The server refused this message (a recipient, its size) and said so: the connection is fine.
            Return(client);
            throw;
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Return(client);
    }

    /// <summary>A connection (borrowed, or opened with TLS and AUTH as configured) answers a NOOP.</summary>
    public async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        var client = await BorrowAsync(cancellationToken);
        try
        {
            await client.NoOpAsync(cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Return(client);
        var smtp = options.Value.Smtp;
        return $"SMTP server {smtp.Host}:{smtp.Port} answers.";
    }

    /// <summary>How many connections wait to be reused (for tests and diagnostics).</summary>
    internal int IdleConnections => _idle.Count;

    private async Task<SmtpClient> BorrowAsync(CancellationToken cancellationToken)
    {
        var idleTimeout = options.Value.Smtp.IdleTimeout;
        while (_idle.TryTake(out var idle))
        {
            if (idle.Client.IsConnected && socketClock.GetElapsedTime(idle.Since) < idleTimeout)
                return idle.Client;
            await CloseAsync(idle.Client);
        }

        return await ConnectAsync(cancellationToken);
    }

    private void Return(SmtpClient client) => _idle.Add(new IdleClient(client, socketClock.GetTimestamp()));

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            if (smtp.TrustedCertificatePath is { Length: > 0 } trusted)
                client.ServerCertificateValidationCallback = TrustedCertificate.Validator(trusted);
            var security = !smtp.EnableSsl ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
                await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException or OperationCanceledException)
        {
            // Closing a connection the server already dropped: nothing to do.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
            await CloseAsync(idle.Client);
    }
}

/// <summary>Accepts a server certificate that chains to one certificate the administrator trusts (<see cref="SmtpOptions.TrustedCertificatePath"/>).</summary>
internal static class TrustedCertificate
{
    public static RemoteCertificateValidationCallback Validator(string path)
    {
        var anchor = X509Certificate2.CreateFromPem(File.ReadAllText(path));
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
                return true;
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(anchor);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // a private authority publishes no revocation list
            return chain.Build(new X509Certificate2(certificate));
        };
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

    /// <summary>The folder exists (or can be made) and takes a file.</summary>
    public async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var probe = Path.Combine(directory, $".ready-{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(probe, "", cancellationToken);
        File.Delete(probe);
        return $"Mail is written to {directory}.";
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
