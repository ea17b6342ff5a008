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

    /// <param name="Federations">A federation's account: the federations whose campaigns it sees (its own, and those under it); null: all (the top level).</param>
    private sealed record Listener(IReadOnlySet<string> Tags, bool Oversees, IReadOnlySet<string>? Federations, Channel<LiveEvent> Events);

    /// <summary>How many streams are open (for tests and diagnostics).</summary>
    public int Listeners => _listeners.Count;

    // Counted as streams open and close: read on every instance commit, where a scan of the listeners would allocate.
    private int _federationListeners;

    /// <summary>Whether a federation's account listens: only then must a change's campaign be looked up.</summary>
    public bool HasFederationListeners => Volatile.Read(ref _federationListeners) > 0;

    /// <summary>The events for one reader until <paramref name="cancellationToken"/> ends the stream; a keep-alive every <paramref name="keepAlive"/>.</summary>
    /// <param name="federations">The federations whose campaigns' changes reach this reader (campaigns opened later included); null: every campaign's.</param>
    public async IAsyncEnumerable<LiveEvent> ListenAsync(IReadOnlySet<string> tags, bool oversees, TimeSpan keepAlive,
        [EnumeratorCancellation] CancellationToken cancellationToken, IReadOnlySet<string>? federations = null)
    {
        var id = Guid.NewGuid();
        var events = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(Buffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _listeners[id] = new Listener(tags, oversees, federations, events);
        if (federations is not null)
            Interlocked.Increment(ref _federationListeners);
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
            if (federations is not null)
                Interlocked.Decrement(ref _federationListeners);
        }
    }

    public void ToTagHolders(IReadOnlyCollection<string> tags, LiveEvent change)
    {
        if (tags.Count == 0)
            return;
        // Enumerated as it stands, without a lock: Values takes every lock of the dictionary and
        // copies it, and every workflow commit calls here (the launch queued on it).
        foreach (var (_, listener) in _listeners)
        {
            if (tags.Any(listener.Tags.Contains))
                listener.Events.Writer.TryWrite(change);
        }
    }

    /// <param name="campaignFederation">The federation whose campaign the change belongs to (null: the top level's, or no campaign's): a federation's account hears only of its own campaigns'.</param>
    public void ToOverseers(LiveEvent change, string? campaignFederation)
    {
        foreach (var (_, listener) in _listeners)
        {
            if (listener.Oversees && (listener.Federations is null || campaignFederation is not null && listener.Federations.Contains(campaignFederation)))
                listener.Events.Writer.TryWrite(change);
        }
    }
}
