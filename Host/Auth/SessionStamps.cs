using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Auth;

/// <summary>
/// Ends sessions whose user has changed since signing in: disabled, given other roles, or a new
/// password. The sign-in cookie carries a stamp of those fields; each request compares it with
/// the user's row, read at most every <see cref="RecheckAfter"/> per user, so a change takes
/// effect within seconds rather than when the cookie expires (8 h).
/// </summary>
public sealed class SessionStamps(IDbContextFactory<HostDbContext> contexts)
{
    public const string ClaimType = "ccw:stamp";
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (string? Stamp, long CheckedAt)> _current = new(StringComparer.Ordinal);

    public static string Of(UserRecord user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Roles}|{user.Disabled}|{user.PasswordHash}")).AsSpan(0, 12));

    /// <summary>The stamp the user's session must carry now; null when the user is gone or disabled.</summary>
    private async Task<string?> CurrentAsync(string userId, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (_current.TryGetValue(userId, out var known) && now - known.CheckedAt < RecheckAfter.TotalMilliseconds)
            return known.Stamp;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var stamp = user is null || user.Disabled ? null : Of(user);
        _current[userId] = (stamp, now);
        return stamp;
    }

    /// <summary>Forgets what is known of a user, so that an administrator's change applies at once on this host.</summary>
    public void Forget(string userId) => _current.TryRemove(userId, out _);

    internal async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(ClaimType);
        if (userId is not null && stamp is not null && stamp == await CurrentAsync(userId, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
