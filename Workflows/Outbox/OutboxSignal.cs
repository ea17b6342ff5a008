using System.Collections.Concurrent;

namespace Chamber.Workflows.Outbox;

/// <summary>
/// Wakes this process's sender of a channel as soon as a commit has put messages for it in the
/// outbox, so that a message goes out in milliseconds rather than at the next poll — and only that
/// sender: a launch committing thousands of e-mails does not wake the campaign progress recorder.
/// Other hosts' commits are found by the senders' regular poll.
/// </summary>
/// <remarks>
/// A sender takes <see cref="NextPulse"/> before it reads the outbox and waits on it afterwards, so
/// that a commit made while it was busy wakes it at once instead of being missed.
/// </remarks>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);

    /// <summary>Completes at the next pulse of <paramref name="channel"/> after it was taken.</summary>
    public Task NextPulse(string channel) => _next.GetOrAdd(channel, static _ => NewSource()).Task;

    public void Pulse(string channel)
    {
        if (_next.TryGetValue(channel, out var current) && _next.TryUpdate(channel, NewSource(), current))
            current.TrySetResult();
    }

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

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
