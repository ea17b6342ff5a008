namespace Chamber.Workflows.Runtime;

/// <summary>
/// Serialises work on one instance within this process (a fixed set of striped locks, so memory
/// stays bounded however many instances exist). Across processes the commit's row-version check
/// does the same job; the lock just avoids wasted runs.
/// </summary>
public sealed class InstanceLocks
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 4096).Select(_ => new SemaphoreSlim(1, 1))];

    public async ValueTask<IDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private SemaphoreSlim? _stripe = stripe;

        public void Dispose() => Interlocked.Exchange(ref _stripe, null)?.Release();
    }
}
