using Chamber.Host.Runtime;

namespace Chamber.Host.Tests.Runtime;

/// <summary>The memory trimmer's decision: once at the end of each burst of work, never while idle or busy.</summary>
public sealed class BurstEndTests
{
    // Idle below 5 % of a core over 5 s: under 0.25 s of processor time.
    private readonly BurstEnd _burst = new(new IdleMemoryOptions { IdleFor = TimeSpan.FromSeconds(5), IdleCpuShare = 0.05 });

    private static TimeSpan Cpu(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void An_idle_process_is_never_trimmed()
    {
        Assert.All(Enumerable.Range(0, 10), _ => Assert.False(_burst.IsOver(Cpu(0.01))));
    }

    [Fact]
    public void The_first_idle_interval_after_busy_ones_ends_the_burst_once()
    {
        Assert.False(_burst.IsOver(Cpu(4)));
        Assert.False(_burst.IsOver(Cpu(9.5)));
        Assert.True(_burst.IsOver(Cpu(0.1)));
        Assert.False(_burst.IsOver(Cpu(0.1)));
        Assert.False(_burst.IsOver(Cpu(0.2)));
    }

    [Fact]
    public void Each_burst_ends_once_and_the_threshold_is_a_share_of_one_core()
    {
        Assert.False(_burst.IsOver(Cpu(0.25))); // exactly 5 % of a core over 5 s: busy
        Assert.True(_burst.IsOver(Cpu(0.24)));
        Assert.False(_burst.IsOver(Cpu(3)));
        Assert.True(_burst.IsOver(Cpu(0)));
    }
}
