using System.Security.Claims;
using System.Security.Cryptography;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Portal;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Outbox;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Auth;

/// <summary>
/// Passwords people manage themselves: a change while signed in, and a forgotten one reset through
/// an e-mailed link. The link is signed, expires after <see cref="ResetLinkLifetime"/> and carries the
/// account's session stamp, so it works once: the new password changes the stamp. Every password
/// change ends the account's other sessions.
/// </summary>
public static class PasswordEndpoints
{
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromMinutes(60);

    private const string Purpose = "Chamber.PasswordReset.v1";

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public sealed record ResetRequest(string? Email);

    public sealed record ResetConfirmation(string? Token, string? NewPassword);

    public static void MapPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/password", ChangeAsync);
        group.MapPost("/password-reset", RequestResetAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(AuthModule.SignInRateLimit);
        group.MapPost("/password-reset/confirm", ResetAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(AuthModule.SignInRateLimit);
    }

    /// <summary>The signed-in user's own password; this session goes on (re-issued with the new stamp), the others end.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(ChangePasswordRequest request, HttpContext context,
        IDbContextFactory<HostDbContext> contexts, IPasswordHasher<UserRecord> hasher, Sessions sessions)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, context.RequestAborted);
        if (user is null || string.IsNullOrEmpty(request.CurrentPassword)
            || hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
            return Problems.BadRequest(ReaderText.Of("当前密码不正确", "The current password is wrong."));
        if (PasswordPolicy.Problems(request.NewPassword).ToList() is { Count: > 0 } problems)
            return Problems.BadRequest(string.Join(" ", problems), problems);
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        await db.SaveChangesAsync(context.RequestAborted);
        var current = context.User.FindFirstValue(Sessions.SessionClaim);
        await sessions.EndAllAsync(user.Id, keep: current, context.RequestAborted);
        var identity = new ClaimsIdentity(context.User.Claims.Where(c => c.Type != Sessions.StampClaim)
            .Append(new Claim(Sessions.StampClaim, Sessions.StampOf(user))), CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Always 202, whether or not the address has an account (the answer must not tell); an active
    /// account is sent a link, at most one per five minutes.
    /// </summary>
    private static async Task<Accepted> RequestResetAsync(ResetRequest request, IDbContextFactory<HostDbContext> contexts, OutboxStore outbox,
        OutboxSignal signal, EmailTemplates templates, IDataProtectionProvider protection, IOptions<PortalOptions> portal, TimeProvider clock,
        CancellationToken ct)
    {
        var email = request.Email?.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (string.IsNullOrEmpty(email) || await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email && !u.Disabled, ct) is not { } user)
            return TypedResults.Accepted((string?)null);
        var token = Protector(protection).Protect($"{user.Id}|{Sessions.StampOf(user)}", ResetLinkLifetime);
        var model = new Dictionary<string, object?>
        {
            ["name"] = user.DisplayName,
            ["link"] = $"{portal.Value.BaseUrl.TrimEnd('/')}/reset-password?token={Uri.EscapeDataString(token)}",
            ["minutes"] = (int)ResetLinkLifetime.TotalMinutes,
            ["sender"] = portal.Value.SenderIn(MessageLanguage.Of(user.Language)),
        };
        var message = await CampaignMail.RenderAsync(templates, "password-reset", [user.Email], model, language: MessageLanguage.Of(user.Language), cancellationToken: ct);
        var now = clock.GetUtcNow();
        var slot = now.ToUnixTimeSeconds() / 300;
        // Summary without the link: the outbox list is read by administrators, the link is the user's alone.
        await outbox.EnqueueAsync([new OutboxMessage(Guid.CreateVersion7().ToString("N"), EmailMessage.Channel, $"password-reset/{user.Id}/{slot}",
            message.ToJson(), message.Summary, null, now)], ct);
        signal.Pulse(EmailMessage.Channel);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Sets a new password from a reset link: once, before it expires, for an account still active.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ResetAsync(ResetConfirmation request, IDbContextFactory<HostDbContext> contexts,
        IPasswordHasher<UserRecord> hasher, IDataProtectionProvider protection, Sessions sessions, CancellationToken ct)
    {
        var invalid = Problems.BadRequest(ReaderText.Of("重置链接无效、已使用或已过期，请重新申请", "The reset link is invalid, used or expired; ask for a new one."));
        string payload;
        try
        {
            payload = Protector(protection).Unprotect(request.Token ?? "");
        }
        catch (CryptographicException)
        {
            return invalid;
        }

        var parts = payload.Split('|');
        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = parts.Length == 2 ? await db.Users.FirstOrDefaultAsync(u => u.Id == parts[0], ct) : null;
        if (user is null || user.Disabled || Sessions.StampOf(user) != parts[1])
            return invalid;
        if (PasswordPolicy.Problems(request.NewPassword).ToList() is { Count: > 0 } problems)
            return Problems.BadRequest(string.Join(" ", problems), problems);
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        await db.SaveChangesAsync(ct);
        await sessions.EndAllAsync(user.Id, keep: null, ct);
        return TypedResults.NoContent();
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
