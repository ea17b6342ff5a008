namespace Chamber.Workflows.Outbox;

/// <summary>
/// Wakes this process's senders as soon as a commit has put messages in the outbox, so that a
/// message goes out in milliseconds rather than at the next poll. Every sender (e-mail, campaign
/// progress, launches) wakes on a pulse; other hosts' commits are found by the senders' regular poll.
/// </summary>
/// <remarks>
/// A sender takes <see cref="NextPulse"/> before it reads the outbox and waits on it afterwards, so
/// that a commit made while it was busy wakes it at once instead of being missed.
/// </remarks>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next pulse after it was taken.</summary>
    public Task NextPulse => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for <paramref name="pulse"/> or the timeout, whichever comes first.</summary>
    public static async Task WaitAsync(Task pulse, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await pulse.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The regular poll: messages from other hosts, and retries that have come due.
        }
    }
}
