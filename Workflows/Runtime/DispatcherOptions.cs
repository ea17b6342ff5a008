namespace Chamber.Workflows.Runtime;

public sealed class DispatcherOptions
{
    /// <summary>How often the dispatch table is swept for work left by crashes or other hosts (real time).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Dispatches processed at once.</summary>
    public int Concurrency { get; set; } = 4;
}
