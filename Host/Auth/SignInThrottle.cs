using System.Collections.Concurrent;

namespace Chamber.Host.Auth;

/// <summary>
/// Failed sign-ins per account: after <see cref="MaxFailures"/> within <see cref="Window"/>, the
/// account refuses sign-ins until the window has passed, from whatever address they come. The
/// per-address limit alone lets a guesser spread over many addresses; this one does not. Counted
/// per host (several hosts allow a few more guesses, not many) and on the real clock.
/// </summary>
public sealed class SignInThrottle(int maxFailures)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Accounts tracked before the ones whose window has passed are cleared out.</summary>
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, (int Failures, long Since)> _accounts = new(StringComparer.Ordinal);

    public int MaxFailures { get; } = Math.Max(1, maxFailures);

    /// <summary>Whether the account is refusing sign-ins now.</summary>
    public bool IsLocked(string account) =>
        _accounts.TryGetValue(account, out var entry) && !Expired(entry.Since) && entry.Failures >= MaxFailures;

    public void Failed(string account)
    {
        // Guessing at many addresses must not grow the table without end: what has run out goes first.
        if (_accounts.Count >= MaxTracked)
        {
            foreach (var (key, entry) in _accounts)
            {
                if (Expired(entry.Since))
                    _accounts.TryRemove(key, out _);
            }
        }

        _accounts.AddOrUpdate(account, _ => (1, Environment.TickCount64),
            (_, entry) => Expired(entry.Since) ? (1, Environment.TickCount64) : (entry.Failures + 1, entry.Since));
    }

    public void Succeeded(string account) => _accounts.TryRemove(account, out _);

    private static bool Expired(long since) => Environment.TickCount64 - since > Window.TotalMilliseconds;
}
