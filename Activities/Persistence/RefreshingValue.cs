namespace Chamber.Campaigns.Persistence;

/// <summary>
/// A value read from the database and kept for <paramref name="interval"/>: what administrators
/// change (calendar years, e-mail templates) applies at once on the host that changed it
/// (<see cref="Invalidate"/>) and within the interval on the others.
/// </summary>
/// <remarks>
/// Stale-while-revalidate: callers never queue behind a reload (a campaign launch asks thousands
/// of times a second); one of them starts it in the background and the rest use the last value.
/// A failed background reload keeps the last value; the next stale read tries again.
/// </remarks>
public sealed class RefreshingValue<T>(Func<CancellationToken, Task<T>> load, TimeSpan interval) : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Entry? _current; // replaced whole, never mutated, so readers need no lock
    private int _generation; // a reload that began before an invalidation must not bring back what it read

    private sealed record Entry(T Value, long LoadedAt);

    private bool IsFresh(Entry entry) => Environment.TickCount64 - entry.LoadedAt < interval.TotalMilliseconds;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            if (!IsFresh(current) && _loading.Wait(0, CancellationToken.None))
                _ = Task.Run(() => ReloadAsync(CancellationToken.None), CancellationToken.None);
            return current.Value;
        }

        await _loading.WaitAsync(cancellationToken);
        return await ReloadAsync(cancellationToken);
    }

    /// <summary>Drops the value, so the next read loads it again (after a change on this host).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    /// <summary>Loads the value; the caller holds <see cref="_loading"/>, which this releases.</summary>
    private async Task<T> ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_current is { } loaded && IsFresh(loaded))
                return loaded.Value;
            var generation = Volatile.Read(ref _generation);
            var value = await load(cancellationToken);
            if (generation == Volatile.Read(ref _generation))
                _current = new Entry(value, Environment.TickCount64);
            return value;
        }
        catch (Exception) when (_current is { } stale && !cancellationToken.IsCancellationRequested)
        {
            return stale.Value;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}
