namespace Chamber.Host.Runtime;

/// <summary>When and whether the Host gives memory back after a burst of work (configuration section <c>Memory</c>).</summary>
public sealed class IdleMemoryOptions
{
    public bool TrimWhenIdle { get; set; } = true;

    /// <summary>How long the process must stay idle (under <see cref="IdleCpuShare"/> of one core) before it trims.</summary>
    public TimeSpan IdleFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The share of one core below which the process counts as idle.</summary>
    public double IdleCpuShare { get; set; } = 0.05;
}
