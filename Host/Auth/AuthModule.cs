using System.Security.Claims;
using Chamber.Campaigns.Email;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Auth;

/// <summary>Cookie sign-in for people, with anti-forgery on every state-changing call.</summary>
public static class AuthModule
{
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddChamberAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SeedOptions>(configuration.GetSection("Seed"));
        services.AddPooledDbContextFactory<HostDbContext>((sp, db) => db.UseConfiguredStorage(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<FederationScope>();
        services.AddSingleton(new SignInThrottle(configuration.GetValue("Auth:FailedSignInsPerAccount", 10)));
        services.AddSingleton<Chamber.Campaigns.Tasks.IPeopleDirectory, PeopleDirectory>();
        DatabaseKeyRing.AddTo(services);
        services.AddSingleton(new Chamber.Workflows.Persistence.Migrations.MigrationSource("host", typeof(AuthModule).Assembly));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "ccw.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Sessions expire in real time: a manual business clock moved a month ahead must not
            // sign everybody out (and must not keep a stolen cookie alive either).
            options.TimeProvider = TimeProvider.System;
            options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<Sessions>().ValidateAsync(context);
            // An API answers 401/403; it does not redirect to a login page.
            options.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Design, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.Admin, Roles.Staff))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Oversee, p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Leader));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "ccw.xsrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>Rejects cookie-authenticated POST/PUT/PATCH/DELETE calls without a valid anti-forgery header.</summary>
    public static IApplicationBuilder UseAntiforgeryForApi(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        if (unsafeMethod && context.User.Identity?.IsAuthenticated == true && context.Request.Path.StartsWithSegments("/api"))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await Results.Problem(
                    title: ReaderText.Of("缺少或无效的防伪令牌", "Missing or invalid anti-forgery token"),
                    detail: $"Send the token from the sign-in response (or GET /api/auth/antiforgery) in the {AntiforgeryHeader} header.",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });

    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SignInRateLimit);
        group.MapPost("/logout", async (HttpContext context, Sessions sessions) =>
        {
            // The session's row goes: a copy of the cookie kept anywhere is dead from now on.
            await sessions.EndAsync(context.User.FindFirstValue(Sessions.SessionClaim), context.RequestAborted);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(SignedInUser.From(user, null)));
        group.MapPut("/me/language", SetLanguageAsync);
        group.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken }));
        return group;
    }

    public sealed record LoginRequest(string? Email, string? Password);

    /// <summary>The language the web client shows, which e-mails to this person follow.</summary>
    public sealed record LanguageChoice(string? Language);

    private static async Task<Results<NoContent, ProblemHttpResult>> SetLanguageAsync(LanguageChoice choice, ClaimsPrincipal user,
        IDbContextFactory<HostDbContext> contexts, CancellationToken ct)
    {
        if (MessageLanguage.Parse(choice.Language) is not { } language)
            return Errors.Problems.BadRequest(MessageLanguage.Unknown);
        var email = user.FindFirstValue(ClaimTypes.Email);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(r => r.Language, language), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The account's federation and its name, as the client shows whose staff are signed in.</summary>
    private static async Task<IEnumerable<Claim>> FederationClaimsAsync(UserRecord user, Chamber.Campaigns.Chambers.ChamberDirectory directory, CancellationToken ct) =>
        user.FederationId is not { } id ? [] :
        [
            new Claim(FederationScope.FederationClaim, id),
            new Claim(FederationScope.FederationNameClaim, (await directory.FindAsync(id, ct))?.Name ?? id),
        ];

    /// <summary>Stands in for an address without an account, so that checking its password takes as long as checking a real one.</summary>
    private static readonly UserRecord UnknownUser = CreateUnknownUser();

    private static UserRecord CreateUnknownUser()
    {
        var user = new UserRecord { Id = "", Email = "", DisplayName = "", PasswordHash = "", Roles = "" };
        user.PasswordHash = new PasswordHasher<UserRecord>().HashPassword(user, Guid.NewGuid().ToString("N"));
        return user;
    }

    /// <param name="Federation">The federation the account works for (its id and name), or null for the top level.</param>
    public sealed record SignedInUser(string Email, string DisplayName, IReadOnlyList<string> Roles, string? AntiforgeryToken, string? Federation = null,
        string? FederationName = null)
    {
        public static SignedInUser From(ClaimsPrincipal user, string? token) => new(
            user.FindFirstValue(ClaimTypes.Email) ?? "",
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            token,
            user.FederationOf(),
            user.FindFirstValue(FederationScope.FederationNameClaim));
    }

    private static async Task<Results<Ok<SignedInUser>, ProblemHttpResult>> LoginAsync(LoginRequest request, HttpContext context, IDbContextFactory<HostDbContext> contexts,
        IPasswordHasher<UserRecord> hasher, IAntiforgery antiforgery, SignInThrottle throttle, Sessions sessions, Chamber.Campaigns.Chambers.ChamberDirectory directory)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return Errors.Problems.BadRequest(ReaderText.Of("请输入邮箱和密码", "Email and password are required."));
        var email = request.Email.Trim().ToLowerInvariant();
        if (throttle.IsLocked(email))
        {
            return TypedResults.Problem(title: ReaderText.Of($"该账号尝试次数过多，请 {SignInThrottle.Window.TotalMinutes:0} 分钟后再试", $"Too many attempts for this account; try again in {SignInThrottle.Window.TotalMinutes:0} minutes."),
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, context.RequestAborted);
        // An unknown address costs a hash check too: the answer's timing does not tell who has an account.
        var verified = hasher.VerifyHashedPassword(user ?? UnknownUser, user?.PasswordHash ?? UnknownUser.PasswordHash, request.Password);
        if (user is null || user.Disabled || verified == PasswordVerificationResult.Failed)
        {
            throttle.Failed(email);
            return TypedResults.Problem(title: ReaderText.Of("邮箱或密码错误", "Wrong email or password."), statusCode: StatusCodes.Status401Unauthorized);
        }

        throttle.Succeeded(email);

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(ClaimTypes.Name, user.DisplayName),
                .. user.RoleList.Select(r => new Claim(ClaimTypes.Role, r)),
                .. await FederationClaimsAsync(user, directory, context.RequestAborted),
                .. await sessions.StartAsync(user, context.RequestAborted),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var principal = new ClaimsPrincipal(identity);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        // The token is bound to the identity, so it is issued for the user just signed in.
        context.User = principal;
        var token = antiforgery.GetAndStoreTokens(context).RequestToken;
        return TypedResults.Ok(SignedInUser.From(principal, token));
    }

    /// <summary>Creates (or re-keys) the first administrator from Seed:AdminEmail / Seed:AdminPassword.</summary>
    public static async Task SeedAdministratorAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var seed = services.GetRequiredService<IOptions<SeedOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Chamber.Host.Auth");
        if (string.IsNullOrWhiteSpace(seed.AdminEmail) || string.IsNullOrEmpty(seed.AdminPassword))
        {
            logger.LogWarning("No Seed:AdminEmail / Seed:AdminPassword configured: no administrator is created.");
            return;
        }

        if (seed.AdminPassword.Length < 8)
            throw new InvalidOperationException("Seed:AdminPassword must have at least 8 characters.");
        var hasher = services.GetRequiredService<IPasswordHasher<UserRecord>>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using var db = await services.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync(cancellationToken);
        var email = seed.AdminEmail.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            user = new UserRecord
            {
                Id = Guid.CreateVersion7().ToString("N"),
                Email = email,
                DisplayName = "管理员",
                PasswordHash = "",
                Roles = Roles.Admin,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            user.PasswordHash = hasher.HashPassword(user, seed.AdminPassword);
            db.Users.Add(user);
            logger.LogInformation("Created administrator {Email}.", email);
        }
        else if (hasher.VerifyHashedPassword(user, user.PasswordHash, seed.AdminPassword) == PasswordVerificationResult.Failed)
        {
            // The configuration is the source of truth for the seeded administrator's password.
            user.PasswordHash = hasher.HashPassword(user, seed.AdminPassword);
            logger.LogInformation("Updated the password of administrator {Email} from configuration.", email);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
