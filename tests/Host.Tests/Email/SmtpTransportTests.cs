using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chamber.Host.Email;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Chamber.Host.Tests.Email;

/// <summary>
/// The SMTP transport against a real aiosmtpd: connections reused across messages, STARTTLS with a
/// throw-away certificate trusted through <see cref="SmtpOptions.TrustedCertificatePath"/>, AUTH,
/// and SMTPUTF8 for an address in Chinese.
/// </summary>
public sealed class SmtpTransportTests : IDisposable
{
    private const string User = "relay";
    private const string Password = "s3cret-relay";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ccw-tests", "smtp-tls-" + Guid.NewGuid().ToString("N"));
    private readonly string _certificate;
    private readonly string _key;

    public SmtpTransportTests()
    {
        Directory.CreateDirectory(_directory);
        (_certificate, _key) = WriteThrowAwayCertificate(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<SmtpServer> PlainAsync()
    {
        var server = new SmtpServer();
        await server.StartAsync();
        return server;
    }

    private async Task<SmtpServer> SecureAsync()
    {
        var server = SmtpServer.Secure(_certificate, _key, User, Password);
        await server.StartAsync();
        return server;
    }

    [Fact]
    public async Task Messages_sent_one_after_another_share_one_connection()
    {
        await using var plain = await PlainAsync();
        await using var transport = Transport(new SmtpOptions { Host = "127.0.0.1", Port = plain.Port });

        for (var i = 0; i < 5; i++)
            await transport.SendAsync(Message($"第 {i + 1} 封", "chamber@example.org"), CancellationToken.None);

        Assert.Equal(5, plain.Messages.Count);
        Assert.Single(plain.Messages.Select(Peer).Distinct());
        Assert.Equal(1, transport.IdleConnections);
    }

    [Fact]
    public async Task A_recipient_refused_for_good_leaves_the_connection_usable_for_the_next_message()
    {
        await using var refusing = new SmtpServer(refusing: "nobody");
        await refusing.StartAsync();
        await using var transport = Transport(new SmtpOptions { Host = "127.0.0.1", Port = refusing.Port });

        var refused = await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpCommandException>(() =>
            transport.SendAsync(Message("一", "nobody@example.org"), CancellationToken.None));
        await transport.SendAsync(Message("二", "chamber@example.org"), CancellationToken.None);

        Assert.Equal(550, (int)refused.StatusCode);
        Assert.Single(refusing.Messages);
        Assert.Equal(1, transport.IdleConnections);
    }

    [Fact]
    public async Task A_connection_idle_past_the_limit_is_replaced()
    {
        await using var plain = await PlainAsync();
        await using var transport = Transport(new SmtpOptions { Host = "127.0.0.1", Port = plain.Port, IdleTimeout = TimeSpan.FromMilliseconds(1) });

        await transport.SendAsync(Message("一", "chamber@example.org"), CancellationToken.None);
        await Task.Delay(50);
        await transport.SendAsync(Message("二", "chamber@example.org"), CancellationToken.None);

        Assert.Equal(2, plain.Messages.Select(Peer).Distinct().Count());
    }

    [Fact]
    public async Task Starttls_and_auth_with_a_trusted_private_certificate_deliver_to_a_chinese_address_over_smtputf8()
    {
        await using var secure = await SecureAsync();
        await using var transport = Transport(Secure(secure, Password, trust: true));

        await transport.SendAsync(Message("五好县级工商联", "王主席@商会.中国"), CancellationToken.None);

        // The envelope recipient (aiosmtpd records it RFC 2047-encoded) was sent as is, which only SMTPUTF8 allows.
        var received = Assert.Single(secure.Messages);
        var recipient = received.Split('\n').Single(line => line.StartsWith("X-RcptTo:", StringComparison.Ordinal))["X-RcptTo:".Length..].Trim();
        Assert.Equal("王主席@商会.中国", Rfc2047.DecodeText(System.Text.Encoding.ASCII.GetBytes(recipient)));
    }

    [Fact]
    public async Task A_server_certificate_nobody_trusts_is_refused()
    {
        await using var secure = await SecureAsync();
        await using var transport = Transport(Secure(secure, Password, trust: false));

        await Assert.ThrowsAsync<SslHandshakeException>(() => transport.SendAsync(Message("x", "chamber@example.org"), CancellationToken.None));
        Assert.Empty(secure.Messages);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_connection_is_not_kept()
    {
        await using var secure = await SecureAsync();
        await using var transport = Transport(Secure(secure, "wrong", trust: true));

        await Assert.ThrowsAsync<AuthenticationException>(() => transport.SendAsync(Message("x", "chamber@example.org"), CancellationToken.None));
        Assert.Empty(secure.Messages);
        Assert.Equal(0, transport.IdleConnections);
    }

    private SmtpOptions Secure(SmtpServer server, string password, bool trust) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        EnableSsl = true,
        UserName = User,
        Password = password,
        TrustedCertificatePath = trust ? _certificate : null,
    };

    private static SmtpMailTransport Transport(SmtpOptions smtp) =>
        new(Options.Create(new EmailOptions { Smtp = smtp }), TimeProvider.System);

    private static MimeMessage Message(string subject, string to)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(new MailboxAddress("温州市工商联", "noreply@fic.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "请于 4 月 30 日前提交实施方案。" };
        return message;
    }

    // aiosmtpd's Mailbox writes the client's address and port in X-Peer: one per connection.
    private static string Peer(string message) =>
        message.Split('\n').Single(line => line.StartsWith("X-Peer:", StringComparison.Ordinal)).Trim();

    /// <summary>A self-signed certificate for 127.0.0.1 and localhost, as PEM files (certificate, key).</summary>
    private static (string Certificate, string Key) WriteThrowAwayCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ccw test relay", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        var certificatePath = Path.Combine(directory, "relay.crt");
        var keyPath = Path.Combine(directory, "relay.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
