namespace Chamber.Host.Email;

/// <summary>How e-mail leaves the Host (configuration section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    /// <summary>The sender of every message that names none.</summary>
    public string From { get; set; } = "商会创建活动 <noreply@chamber.localhost>";

    /// <summary>The SMTP server; when its host is empty, messages are written to <see cref="PickupDirectory"/> instead.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where <c>.eml</c> files go without SMTP (the embedded default); relative to the working directory.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("data", "mail");

    /// <summary>Messages sent at once (each on its own SMTP connection).</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// Messages sent at once while this Host launches a campaign or fires a large batch of
    /// reminders (never more than <see cref="Concurrency"/>). The default, 0, pauses delivery until
    /// the burst is over: on a small server, sending beside a launch of 50,000 chambers slowed it
    /// by a fifth even on one connection, and its e-mails go out right after it.
    /// </summary>
    public int ConcurrencyDuringBulkWork { get; set; }

    /// <summary>The longest delivery pauses for a burst at a time; then a slice goes out on one connection, and it pauses again.</summary>
    public TimeSpan MaxBulkWorkPause { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the outbox is looked at when nothing woke the sender (messages from other hosts).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed message is held; after that a sender that died is presumed dead and the message is claimed again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after it was asked for a message that keeps failing for a passing reason (the
    /// server unreachable, a timeout, a 4xx) is still tried; then it is given up (Failed, visible
    /// in the outbox, can be sent again). An age, not a number of attempts: an outage of hours
    /// must not lose mail that a count of attempts would have used up in an hour.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Wait after the first failed attempt; it doubles with each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False leaves the outbox to other hosts (or to nobody): messages are still written, never sent from here.</summary>
    public bool SenderEnabled { get; set; } = true;

    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));
}
