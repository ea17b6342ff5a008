using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Auth;

/// <summary>A signed-in session, server side: the cookie names it, and without its row the cookie is refused.</summary>
public sealed class SessionRecord
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Sign-in sessions, checked on every request against the server. The cookie carries the session's
/// id and a stamp of the user's roles, state and password hash:
/// <list type="bullet">
/// <item>signing out deletes the session's row, so a copy of the cookie is dead at once;</item>
/// <item>disabling a user, new roles or a new password change the stamp and delete the user's
/// rows (a new password keeps the session that set it), so re-enabling brings no cookie back;</item>
/// <item>a session ends <see cref="MaxAge"/> after sign-in however active it is.</item>
/// </list>
/// What a host knows of a user or session is read again after <see cref="RecheckAfter"/>: a change
/// made on this host applies at once, on the others within seconds.
/// </summary>
public sealed class Sessions(IDbContextFactory<HostDbContext> contexts)
{
    /// <summary>Sessions age in real time, as the cookie does: a rehearsal's clock moved a month ahead must not sign everybody out.</summary>
    private static readonly TimeProvider RealTime = TimeProvider.System;

    public const string StampClaim = "ccw:stamp";
    public const string SessionClaim = "ccw:session";
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, (string? Stamp, long CheckedAt)> _stamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (bool Open, long CheckedAt)> _sessions = new(StringComparer.Ordinal);

    public static string StampOf(UserRecord user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Roles}|{user.Disabled}|{user.PasswordHash}{(user.FederationId is null ? "" : "|" + user.FederationId)}")).AsSpan(0, 12));

    /// <summary>A new session for the user: its claims go into the cookie. The user's sessions past <see cref="MaxAge"/> go.</summary>
    public async Task<IReadOnlyList<Claim>> StartAsync(UserRecord user, CancellationToken cancellationToken)
    {
        var now = RealTime.GetUtcNow().UtcDateTime;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expired = now - MaxAge;
        await db.Sessions.Where(s => s.UserId == user.Id && s.CreatedAt < expired).ExecuteDeleteAsync(cancellationToken);
        db.Sessions.Add(new SessionRecord { Id = id, UserId = user.Id, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return [new Claim(SessionClaim, id), new Claim(StampClaim, StampOf(user))];
    }

    /// <summary>Ends one session (signing out).</summary>
    public async Task EndAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sessionId))
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
        _sessions[sessionId] = (false, Environment.TickCount64);
    }

    /// <summary>Ends every session of the user but <paramref name="keep"/>; the user's stamp is read afresh.</summary>
    public async Task EndAllAsync(string userId, string? keep, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(cancellationToken);
        _stamps.TryRemove(userId, out _);
        // The cache does not know whose sessions it holds: every other one is read again (a few queries, once).
        foreach (var session in _sessions.Keys)
        {
            if (session != keep)
                _sessions.TryRemove(session, out _);
        }
    }

    internal async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(StampClaim);
        var session = principal?.FindFirstValue(SessionClaim);
        var ct = context.HttpContext.RequestAborted;
        if (userId is not null && stamp is not null && session is not null
            && stamp == await StampAsync(userId, ct) && await IsOpenAsync(session, userId, ct))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The stamp the user's session must carry now; null when the user is gone or disabled.</summary>
    private async Task<string?> StampAsync(string userId, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (_stamps.TryGetValue(userId, out var known) && now - known.CheckedAt < RecheckAfter.TotalMilliseconds)
            return known.Stamp;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var stamp = user is null || user.Disabled ? null : StampOf(user);
        _stamps[userId] = (stamp, now);
        return stamp;
    }

    private async Task<bool> IsOpenAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (_sessions.TryGetValue(sessionId, out var known) && now - known.CheckedAt < RecheckAfter.TotalMilliseconds)
            return known.Open;
        var oldest = RealTime.GetUtcNow().UtcDateTime - MaxAge;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Sessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.CreatedAt >= oldest, cancellationToken);
        _sessions[sessionId] = (open, now);
        return open;
    }
}
