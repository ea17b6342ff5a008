using System.Security.Claims;
using Chamber.Campaigns;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Auth;

/// <summary>Accounts of staff, leaders, reviewers and administrators (administrators only).</summary>
public static class UserEndpoints
{
    /// <param name="FederationId">The federation the account works for (a district's staff); null: the top level.</param>
    public sealed record UserView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, DateTime CreatedAt, string? FederationId = null)
    {
        public static UserView From(UserRecord u) => new(u.Id, u.Email, u.DisplayName, u.RoleList, u.Disabled, u.CreatedAt, u.FederationId);
    }

    /// <param name="FederationId">The federation the account works for; empty or none: the top level.</param>
    public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, string? FederationId = null);

    /// <param name="FederationId">The federation the account works for; "" moves it to the top level, none leaves it.</param>
    public sealed record UpdateUserRequest(string? DisplayName, string? Password, IReadOnlyList<string>? Roles, bool? Disabled, string? FederationId = null);

    /// <summary>Someone who can be named in a campaign (leader, reviewer, plan approver): what a picker shows.</summary>
    public sealed record PersonView(string Email, string DisplayName, IReadOnlyList<string> Roles);

    /// <summary>Most people a picker is offered at once; it searches for the rest.</summary>
    public const int MaxPeople = 50;

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Administer);
        group.MapGet("/", async (IDbContextFactory<HostDbContext> contexts, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
            return TypedResults.Ok(users.Select(UserView.From).ToList());
        });
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id}", UpdateAsync);

        // The people pickers of the campaign wizard: active accounts by name or address, optionally of one role;
        // a federation's staff pick among their own federation's people.
        app.MapGet("/api/people", async (string? search, string? role, ClaimsPrincipal user, IDbContextFactory<HostDbContext> contexts, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var federation = user.FederationOf();
            var query = db.Users.AsNoTracking().Where(u => !u.Disabled && u.FederationId == federation);
            if (!string.IsNullOrWhiteSpace(search))
            {
                var text = search.Trim();
                var lower = text.ToLowerInvariant();
                query = query.Where(u => u.Email.Contains(lower) || u.DisplayName.Contains(text));
            }

            // Roles are a comma-separated column: filter after reading, on at most a few hundred accounts.
            var people = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(ct);
            return TypedResults.Ok(people.Where(u => string.IsNullOrWhiteSpace(role) || u.RoleList.Contains(role.Trim()))
                .Take(MaxPeople).Select(u => new PersonView(u.Email, u.DisplayName, u.RoleList)).ToList());
        }).WithTags("Users").RequireAuthorization(Policies.Oversee);
    }

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateAsync(CreateUserRequest request,
        IDbContextFactory<HostDbContext> contexts, IPasswordHasher<UserRecord> hasher, ChamberDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var email = request.Email?.Trim().ToLowerInvariant();
        var problems = new List<string>();
        if (email is null || EmailAddress.Parse(email) != email)
            problems.Add(ReaderText.Of("邮箱无效", "The e-mail address is not valid."));
        problems.AddRange(RoleProblems(request.Roles));
        var federation = string.IsNullOrWhiteSpace(request.FederationId) ? null : request.FederationId.Trim();
        problems.AddRange(await FederationProblemsAsync(federation, request.Roles, directory, ct));
        problems.AddRange(NameProblems(request.DisplayName));
        problems.AddRange(PasswordPolicy.Problems(request.Password));
        if (problems.Count > 0)
            return Problems.BadRequest(string.Join(" ", problems), problems);

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
            return Problems.Conflict(ReaderText.Of($"用户 {email} 已存在", $"User {email} already exists."));
        var user = new UserRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Email = email!,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email! : PlainText.OneLine(request.DisplayName).Trim(),
            PasswordHash = "",
            Roles = string.Join(',', request.Roles!.Distinct()),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            FederationId = federation,
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict(ReaderText.Of($"用户 {email} 已存在", $"User {email} already exists."));
        }

        return TypedResults.Created($"/api/users/{user.Id}", UserView.From(user));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> UpdateAsync(string id, UpdateUserRequest request,
        IDbContextFactory<HostDbContext> contexts, IPasswordHasher<UserRecord> hasher, Sessions sessions, ChamberDirectory directory, CancellationToken ct)
    {
        var problems = new List<string>();
        if (request.Roles is not null)
            problems.AddRange(RoleProblems(request.Roles));
        if (request.Password is not null)
            problems.AddRange(PasswordPolicy.Problems(request.Password));
        problems.AddRange(NameProblems(request.DisplayName));
        if (problems.Count > 0)
            return Problems.BadRequest(string.Join(" ", problems), problems);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return Problems.NotFound(ReaderText.Of($"用户 {id} 不存在", $"User {id} does not exist."));
        // Nobody could administer the system again: the last active administrator keeps the role and stays enabled.
        var losesAdministration = user.RoleList.Contains(Roles.Admin) && !user.Disabled
            && (request.Disabled == true || (request.Roles is not null && !request.Roles.Contains(Roles.Admin)));
        if (losesAdministration && !await db.Users.AnyAsync(u => u.Id != id && !u.Disabled && ("," + u.Roles + ",").Contains("," + Roles.Admin + ","), ct))
            return Problems.Conflict(ReaderText.Of("至少要保留一名启用的管理员", "At least one enabled administrator must remain."));
        var federation = request.FederationId is null ? user.FederationId : request.FederationId.Trim() is { Length: > 0 } given ? given : null;
        var federationProblems = (await FederationProblemsAsync(federation, request.Roles ?? user.RoleList, directory, ct)).ToList();
        if (federationProblems.Count > 0)
            return Problems.BadRequest(string.Join(" ", federationProblems), federationProblems);
        var movesFederation = federation != user.FederationId;
        user.FederationId = federation;
        if (!string.IsNullOrWhiteSpace(request.DisplayName))
            user.DisplayName = PlainText.OneLine(request.DisplayName).Trim();
        if (request.Roles is not null)
            user.Roles = string.Join(',', request.Roles.Distinct());
        if (request.Disabled is { } disabled)
            user.Disabled = disabled;
        if (request.Password is not null)
            user.PasswordHash = hasher.HashPassword(user, request.Password);
        await db.SaveChangesAsync(ct);
        // Disabled, other roles or a new password: the user's sessions end at their next request here,
        // within seconds on other hosts; a cookie from before never comes back, even when re-enabled.
        if (request.Disabled == true || request.Roles is not null || request.Password is not null || movesFederation)
            await sessions.EndAllAsync(user.Id, keep: null, ct);
        return TypedResults.Ok(UserView.From(user));
    }

    /// <summary>An account works for a federation of the directory (市/县级工商联), and an administrator for the whole system.</summary>
    private static async Task<IEnumerable<string>> FederationProblemsAsync(string? federationId, IReadOnlyList<string>? roles, ChamberDirectory directory,
        CancellationToken ct)
    {
        if (federationId is null)
            return [];
        if (await directory.FindAsync(federationId, ct) is not { } unit || !ChamberTypes.IsFederation(unit.Type))
            return [ReaderText.Of("所属单位须为名录中的工商联（市工商联或县级工商联）", "The account's federation must be a federation of the directory (city or county).")];
        return roles?.Contains(Roles.Admin) == true
            ? [ReaderText.Of("管理员账号管理整个系统，不能属于某个下级工商联", "An administrator runs the whole system and cannot belong to one federation.")]
            : [];
    }

    private static IEnumerable<string> NameProblems(string? displayName)
    {
        if (displayName?.Trim().Length > PlainText.MaxNameLength)
            yield return ReaderText.Of($"姓名不能超过 {PlainText.MaxNameLength} 字", $"A name may have at most {PlainText.MaxNameLength} characters.");
    }

    private static IEnumerable<string> RoleProblems(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
            yield return ReaderText.Of($"至少需要一个角色：{string.Join("、", Roles.All)}", $"At least one role is needed: {string.Join(", ", Roles.All)}.");
        foreach (var role in roles ?? [])
        {
            if (!Roles.All.Contains(role))
                yield return ReaderText.Of($"未知角色“{role}”", $"Unknown role '{role}' (one of {string.Join(", ", Roles.All)}).");
        }
    }
}
