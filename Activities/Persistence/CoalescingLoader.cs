namespace Chamber.Campaigns.Persistence;

/// <summary>
/// Turns concurrent lookups by key into one query per round: while a query runs, the keys asked
/// for meanwhile wait and are then read together. A campaign launch starts dozens of workflows at
/// once, each reading its own chamber; they share a query instead of each paying for one. A
/// lookup never joins a query already running, so it never sees data older than itself.
/// </summary>
public sealed class CoalescingLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load, int maxKeysPerQuery)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private List<(TKey Key, TaskCompletionSource<TValue?> Result)> _waiting = [];
    private bool _draining;

    public Task<TValue?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        var result = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((key, result));
            start = !_draining;
            _draining = true;
        }

        if (start)
            _ = Task.Run(DrainAsync, CancellationToken.None);
        return result.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(TKey Key, TaskCompletionSource<TValue?> Result)> round;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _draining = false;
                    return;
                }

                (round, _waiting) = (_waiting, []);
            }

            foreach (var chunk in round.GroupBy(w => w.Key).Chunk(maxKeysPerQuery))
            {
                try
                {
                    // Nobody's cancellation stops a query others wait for; a caller that gives up stops waiting.
                    var found = await load([.. chunk.Select(g => g.Key)], CancellationToken.None);
                    foreach (var waiter in chunk.SelectMany(g => g))
                        waiter.Result.TrySetResult(found.GetValueOrDefault(waiter.Key));
                }
                catch (Exception e)
                {
                    foreach (var waiter in chunk.SelectMany(g => g))
                        waiter.Result.TrySetException(e);
                }
            }
        }
    }
}
