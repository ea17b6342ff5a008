using System.Diagnostics;
using System.Net.Sockets;

namespace Chamber.Host.Tests;

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd (installed by ops/test), on a free loopback
/// port, storing what it receives in a Maildir. Tests stop and start it to play an outage.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private Process? _process;
    private readonly string? _refusing;

    /// <summary>aiosmtpd's Mailbox handler, refusing some recipients.</summary>
    private const string RefusingHandler = """
        from aiosmtpd.handlers import Mailbox

        class Refusing(Mailbox):
            def __init__(self, maildir, prefix):
                super().__init__(maildir)
                self.prefix = prefix

            @classmethod
            def from_cli(cls, parser, *args):
                if len(args) != 2:
                    parser.error('Refusing needs a maildir and a prefix')
                return cls(args[0], args[1])

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith(self.prefix):
                    return '550 5.1.1 No such mailbox'
                envelope.rcpt_tos.append(address)
                return '250 OK'
        """;

    /// <summary>
    /// A submission server as a real relay runs one: STARTTLS required before anything else, AUTH
    /// (LOGIN/PLAIN) only over TLS, and SMTPUTF8 offered. aiosmtpd's Controller, started by a script.
    /// </summary>
    private const string SecureServer = """
        import signal, ssl, sys
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import AuthResult, LoginPassword

        port, maildir, cert, key, user, password = sys.argv[1:7]

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
            return AuthResult(success=ok, handled=False)  # not handled: aiosmtpd answers 535 itself

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        controller = Controller(Mailbox(maildir), hostname='127.0.0.1', port=int(port), tls_context=context,
                                require_starttls=True, authenticator=authenticator, auth_require_tls=True,
                                enable_SMTPUTF8=True, decode_data=False)
        controller.start()
        print('ready', flush=True)
        signal.sigwait([signal.SIGTERM, signal.SIGINT])
        controller.stop()
        """;

    private readonly (string Certificate, string Key, string User, string Password)? _secure;

    /// <summary>A server that requires STARTTLS with the given certificate and key (PEM files) and AUTH with the given account.</summary>
    public static SmtpServer Secure(string certificatePem, string keyPem, string user, string password) =>
        new(null, (certificatePem, keyPem, user, password));

    /// <param name="refusing">Recipients starting with this are refused for good (550), as a server refuses an address that does not exist.</param>
    public SmtpServer(string? refusing = null) : this(refusing, null)
    {
    }

    private SmtpServer(string? refusing, (string, string, string, string)? secure)
    {
        _refusing = refusing;
        _secure = secure;
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        Port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), "ccw-tests", "maildir-" + Guid.NewGuid().ToString("N"));

    /// <summary>The raw messages received so far.</summary>
    public IReadOnlyList<string> Messages =>
        Directory.Exists(Path.Combine(Maildir, "new")) ? [.. Directory.GetFiles(Path.Combine(Maildir, "new")).Order().Select(File.ReadAllText)] : [];

    public async Task StartAsync()
    {
        // Debian's interpreter, not whatever python3 comes first on PATH: the package lives there.
        var start = _refusing is null
            ? new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
            : new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "refusing.Refusing", Maildir, _refusing]);
        if (_secure is { } secure)
        {
            var script = Maildir + "-server.py";
            Directory.CreateDirectory(Path.GetDirectoryName(script)!);
            await File.WriteAllTextAsync(script, SecureServer);
            start = new ProcessStartInfo("/usr/bin/python3", [script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Maildir,
                secure.Certificate, secure.Key, secure.User, secure.Password]);
        }

        if (_refusing is not null)
        {
            var modules = Path.Combine(Maildir + "-handler");
            Directory.CreateDirectory(modules);
            await File.WriteAllTextAsync(Path.Combine(modules, "refusing.py"), RefusingHandler);
            start.Environment["PYTHONPATH"] = modules;
        }

        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start (is python3-aiosmtpd installed? ops/test installs it).");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Maildir))
            Directory.Delete(Maildir, recursive: true);
        File.Delete(Maildir + "-server.py");
    }
}
