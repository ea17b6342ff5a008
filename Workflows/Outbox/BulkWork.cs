namespace Chamber.Workflows.Outbox;

/// <summary>
/// Whether this process is working through a burst that has a deadline of its own — a campaign's
/// launch, a sweep of thousands of reminders — so that work which can wait a few seconds (the
/// delivery of the e-mails those bursts produce) gives way to it. On two cores, delivering beside a
/// launch of 50,000 chambers more than doubled the launch: the e-mails are better sent right after it.
/// </summary>
public sealed class BulkWork
{
    private readonly Lock _gate = new();
    private int _running;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>True while at least one burst is running.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
                return _running > 0;
        }
    }

    /// <summary>Marks a burst as running until the returned scope is disposed.</summary>
    public Scope Begin()
    {
        lock (_gate)
        {
            if (_running++ == 0)
                _idle = NewIdle(completed: false);
        }

        return new Scope(this);
    }

    /// <summary>Waits until no burst is running; false when <paramref name="atMost"/> passed first.</summary>
    public async Task<bool> WaitUntilIdleAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        Task idle;
        lock (_gate)
            idle = _idle.Task;
        try
        {
            await idle.WaitAsync(atMost, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void End()
    {
        lock (_gate)
        {
            if (--_running == 0)
                _idle.TrySetResult();
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
            source.SetResult();
        return source;
    }

    /// <summary>The running burst; disposing it more than once ends it once.</summary>
    public sealed class Scope(BulkWork owner) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
                owner.End();
        }
    }
}
