namespace Chamber.Host.Email;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>STARTTLS on the submission port (587); on port 465 the connection is TLS from the start.</summary>
    public bool EnableSsl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A connection left unused this long is closed rather than reused: servers drop idle clients
    /// (commonly after a minute or more), and a dropped connection would cost a failed attempt.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A PEM file with the certificate (or the CA that issued it) that the SMTP server's TLS
    /// certificate must chain to, for an internal relay whose certificate no public authority signed.
    /// Unset: the system's trusted authorities decide.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }
}
