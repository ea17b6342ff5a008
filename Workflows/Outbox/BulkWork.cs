using System.Diagnostics;
using Chamber.Workflows.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Outbox;

/// <summary>
/// Whether this process is working through a burst that has a deadline of its own — a campaign's
/// launch, a sweep of thousands of reminders — so that work which can wait a few seconds (the
/// delivery of the e-mails those bursts produce) gives way to it. On two cores, delivering beside a
/// launch of 50,000 chambers more than doubled the launch: the e-mails are better sent right after it.
/// On PostgreSQL the bursts of every host count (<see cref="SharedBulkWork"/>): a second host's
/// delivery beside a launch slowed it as much as the launching host's own (20.6 s alone, 50.3 s beside it).
/// </summary>
public sealed class BulkWork
{
    private readonly SharedBulkWork? _shared;

    /// <summary>A burst known to this process only (one host, or tests).</summary>
    public BulkWork()
    {
    }

    /// <summary>On PostgreSQL, bursts are also announced to and read from the other hosts.</summary>
    public BulkWork(IOptions<StorageOptions> storage, ILogger<BulkWork>? logger = null)
    {
        if (storage.Value.Provider == StorageProvider.Postgres)
            _shared = new SharedBulkWork(storage.Value.ConnectionString, logger);
    }

    private readonly Lock _gate = new();
    private int _running;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>True while a burst of this host or (on PostgreSQL) of another one is under way.</summary>
    public async ValueTask<bool> IsRunningAnywhereAsync(CancellationToken cancellationToken) =>
        IsRunning || (_shared is not null && await _shared.OthersRunningAsync(cancellationToken));

    /// <summary>True while at least one burst of this host is running.</summary>
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
            {
                _idle = NewIdle(completed: false);
                _shared?.Begin();
            }
        }

        return new Scope(this);
    }

    /// <summary>Waits until no burst is running, here or elsewhere; false when <paramref name="atMost"/> passed first.</summary>
    public async Task<bool> WaitUntilIdleAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        Task idle;
        lock (_gate)
            idle = _idle.Task;
        try
        {
            await idle.WaitAsync(atMost, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }

        // Another host's burst ends without telling this one: it is looked for again every half second.
        while (_shared is not null && await _shared.OthersRunningAsync(cancellationToken))
        {
            if (waited.Elapsed >= atMost)
                return false;
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return true;
    }

    private void End()
    {
        lock (_gate)
        {
            if (--_running == 0)
            {
                _idle.TrySetResult();
                _shared?.End();
            }
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
