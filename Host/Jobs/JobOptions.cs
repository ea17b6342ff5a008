namespace Chamber.Host.Jobs;

/// <summary>Background jobs (section <c>Jobs</c>): Hangfire's server in this Host.</summary>
public sealed class JobOptions
{
    /// <summary>Whether this Host runs jobs; <c>false</c> leaves them to other hosts (they are still enqueued here).</summary>
    public bool ServerEnabled { get; set; } = true;

    /// <summary>Workers running jobs at once. Jobs are activities that run asynchronously: few, and each short.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// How often an idle worker looks for a new job: the longest a job waits once enqueued. Each look
    /// is a write on SQLite; every second, the looks slowed a 50,000-chamber launch by 1.5–3.5 s,
    /// every five seconds not measurably (ops/BENCHMARKS.md).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
