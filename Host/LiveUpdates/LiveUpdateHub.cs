using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Chamber.Host.LiveUpdates;

/// <summary>What changed, for a page to fetch again: <c>tasks</c> (the reader's inbox), <c>instance</c> or <c>campaign</c> with its id.</summary>
public sealed record LiveEvent(string Type, string? Id = null);

/// <summary>
/// The open live-update streams of this Host and who holds each: an event goes only to the
/// streams it concerns (a task list to the people whose tags it touched, instance and campaign
/// changes to those who oversee campaigns). A slow reader loses the oldest events rather than
/// holding the publisher: each event only says "fetch again".
/// </summary>
public sealed class LiveUpdateHub
{
    private const int Buffer = 64;

    private readonly ConcurrentDictionary<Guid, Listener> _listeners = new();

    /// <param name="Campaigns">The campaigns a federation's account may see (as when its stream opened); null: all (the top level).</param>
    private sealed record Listener(IReadOnlySet<string> Tags, bool Oversees, IReadOnlySet<string>? Campaigns, Channel<LiveEvent> Events);

    /// <summary>How many streams are open (for tests and diagnostics).</summary>
    public int Listeners => _listeners.Count;

    /// <summary>The events for one reader until <paramref name="cancellationToken"/> ends the stream; a keep-alive every <paramref name="keepAlive"/>.</summary>
    /// <param name="campaigns">The campaigns whose changes reach this reader; null: every campaign's.</param>
    public async IAsyncEnumerable<LiveEvent> ListenAsync(IReadOnlySet<string> tags, bool oversees, TimeSpan keepAlive,
        [EnumeratorCancellation] CancellationToken cancellationToken, IReadOnlySet<string>? campaigns = null)
    {
        var id = Guid.NewGuid();
        var events = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(Buffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _listeners[id] = new Listener(tags, oversees, campaigns, events);
        try
        {
            yield return new LiveEvent("ready");
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(keepAlive);
                LiveEvent next;
                try
                {
                    next = await events.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    next = new LiveEvent("ping"); // keeps proxies from closing a quiet stream
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                yield return next;
            }
        }
        finally
        {
            _listeners.TryRemove(id, out _);
        }
    }

    public void ToTagHolders(IReadOnlyCollection<string> tags, LiveEvent change)
    {
        if (tags.Count == 0)
            return;
        foreach (var listener in _listeners.Values)
        {
            if (tags.Any(listener.Tags.Contains))
                listener.Events.Writer.TryWrite(change);
        }
    }

    /// <param name="campaignId">The campaign the change belongs to: a federation's account hears only of its own campaigns'.</param>
    public void ToOverseers(LiveEvent change, string? campaignId)
    {
        foreach (var listener in _listeners.Values)
        {
            if (listener.Oversees && (listener.Campaigns is null || campaignId is not null && listener.Campaigns.Contains(campaignId)))
                listener.Events.Writer.TryWrite(change);
        }
    }
}
