namespace Chamber.Workflows.Timers;

public sealed class TimerOptions
{
    /// <summary>The zone cron expressions are read in: campaigns run on Beijing time.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How often due timers are looked for in real-clock mode.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Due timers fetched per query.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Timers fired at once (each is one instance's resume; their commits are grouped).</summary>
    public int FireConcurrency { get; set; } = 64;

    /// <summary>
    /// How long a sweep waits for one timer's step. A step still running after this (a C# script
    /// that loops; JavaScript stops at its own limit) is left to finish on its own and the sweep
    /// goes on: one instance must not stop every other timer on the host.
    /// </summary>
    public TimeSpan StepWaitLimit { get; set; } = TimeSpan.FromSeconds(30);
}
