namespace Chamber.Workflows.Timers;

/// <summary>
/// A clock that only moves when told to (configuration <c>Clock:Mode=Manual</c>, never in
/// production): tests and demos run a year-long campaign in seconds, and every timer fires exactly
/// as it would have in real time.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward to <paramref name="moment"/>; time never goes back.</summary>
    public void MoveTo(DateTimeOffset moment)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _utcTicks);
            if (moment.UtcTicks <= current)
                return;
        }
        while (Interlocked.CompareExchange(ref _utcTicks, moment.UtcTicks, current) != current);
    }
}

/// <summary>
/// Advances a <see cref="ManualClock"/> to a target, stopping at each timer due on the way so that
/// everything falls due in due-time order (and timers created by those firings fire too).
/// </summary>
public sealed class ClockAdvancer(ManualClock clock, TimerSweeper sweeper, Runtime.WorkflowRuntime runtime)
    : IDisposable
{
    private readonly SemaphoreSlim _advancing = new(1, 1);

    public async Task<DateTimeOffset> AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken = default)
    {
        await _advancing.WaitAsync(cancellationToken);
        try
        {
            DateTimeOffset? idleAt = null;
            while (true)
            {
                // Children started by the last firings run first: they may create timers of their own.
                await runtime.DrainDispatchesAsync(cancellationToken);
                var next = await sweeper.NextDueAtAsync(cancellationToken);
                if (next is null || next > target)
                    break;
                // Something due that fires nothing and stays due (it failed, and retries at the next
                // sweep) must not hold the clock: the rest of the way is fired at the target.
                if (next <= idleAt)
                {
                    clock.MoveTo(target);
                    await sweeper.FireDueAsync(target, cancellationToken);
                    break;
                }

                clock.MoveTo(next.Value);
                if (await sweeper.FireDueAsync(clock.GetUtcNow(), cancellationToken) == 0)
                    idleAt = clock.GetUtcNow();
            }

            clock.MoveTo(target);
            return clock.GetUtcNow();
        }
        finally
        {
            _advancing.Release();
        }
    }

    public void Dispose() => _advancing.Dispose();
}
