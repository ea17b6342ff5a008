using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// The loop of a background worker fed by a channel: a round, run again at once while rounds
    /// find work (they return how much they did), else after the channel's next pulse or
    /// <paramref name="poll"/>, whichever comes first. A round that fails is logged, naming
    /// <paramref name="work"/>, and tried again at the next.
    /// </summary>
    public async Task RunAsync(string channel, TimeSpan poll, Func<CancellationToken, Task<int>> round, ILogger logger, string work,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pulse = NextPulse(channel);
            try
            {
                if (await round(stoppingToken) > 0)
                    continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Work} failed; trying again shortly.", work);
            }

            await WaitAsync(pulse, poll, stoppingToken);
        }
    }

    /// <summary>Waits for <paramref name="pulse"/> or the timeout, whichever comes first.</summary>
    private static async Task WaitAsync(Task pulse, TimeSpan timeout, CancellationToken cancellationToken)
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
