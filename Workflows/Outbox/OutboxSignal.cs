namespace Chamber.Workflows.Outbox;

/// <summary>
/// Wakes this process's senders as soon as a commit has put messages in the outbox, so that a
/// message goes out in milliseconds rather than at the next poll. Other hosts' commits are found
/// by the senders' regular poll.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pulses = new(0, 1);

    public void Pulse()
    {
        try
        {
            _pulses.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; one is enough.
        }
    }

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pulses.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pulses.Dispose();
}
