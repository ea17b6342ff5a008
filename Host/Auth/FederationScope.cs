using System.Security.Claims;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Persistence;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Auth;

/// <summary>
/// What a federation's account may reach (issue 18): a district federation's staff run their own
/// campaigns (opened for them by the city's, or their own) over the units under them, and see
/// nothing of the city's or another district's. The top level's accounts (no federation) see
/// everything, the districts' campaigns included: the upper level drills down. Out of reach reads as
/// "not found", so that a campaign or unit of another federation is not even confirmed to exist.
/// </summary>
public sealed class FederationScope(IDbContextFactory<CampaignDbContext> campaigns, IDbContextFactory<WorkflowsDbContext> workflows, ChamberDirectory directory)
{
    public const string FederationClaim = "ccw.federation";
    public const string FederationNameClaim = "ccw.federation-name";

    /// <summary>Whether the person may see this campaign; true for a campaign that does not exist (its 404 is the endpoint's).</summary>
    public async Task<bool> MaySeeCampaignAsync(ClaimsPrincipal user, string campaignId, CancellationToken cancellationToken = default)
    {
        if (user.FederationOf() is not { } federation)
            return true;
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var owner = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.FederationId }).FirstOrDefaultAsync(cancellationToken);
        return owner is null || owner.FederationId is { } own && (own == federation || await directory.StandsUnderAsync(own, federation, cancellationToken));
    }

    /// <summary>Whether the person may see this workflow instance: one of a campaign they may see (a federation's account sees no other, nor one that does not exist).</summary>
    public async Task<bool> MaySeeInstanceAsync(ClaimsPrincipal user, string instanceId, CancellationToken cancellationToken = default)
    {
        if (user.FederationOf() is null)
            return true;
        await using var db = await workflows.CreateDbContextAsync(cancellationToken);
        var instance = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => new { i.CorrelationId }).FirstOrDefaultAsync(cancellationToken);
        // Strict: an instance not (yet) there, or of no campaign, is the top level's.
        return instance?.CorrelationId is { } campaignId && await CampaignExistsAsync(campaignId, cancellationToken)
            && await MaySeeCampaignAsync(user, campaignId, cancellationToken);
    }

    private async Task<bool> CampaignExistsAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken);
    }

    /// <summary>Whether the person may see this unit of the directory: the federation itself or a unit under it.</summary>
    public async Task<bool> MaySeeUnitAsync(ClaimsPrincipal user, string chamberId, CancellationToken cancellationToken = default) =>
        user.FederationOf() is not { } federation || chamberId == federation || await directory.StandsUnderAsync(chamberId, federation, cancellationToken);

    /// <summary>The federations whose campaigns the person sees: its own and those under it; null for a top-level account (all).</summary>
    public async Task<IReadOnlySet<string>?> VisibleFederationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.FederationOf() is not { } federation)
            return null;
        // Every unit under it: the chambers among them own no campaign and are never asked for.
        return new HashSet<string>(await directory.UnderAsync(federation, cancellationToken), StringComparer.Ordinal) { federation };
    }

    /// <summary>The campaigns of the person's federation and of the federations under it; null for the top level (all).</summary>
    public async Task<IReadOnlySet<string>?> VisibleCampaignsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.FederationOf() is not { } federation)
            return null;
        var under = await directory.UnderAsync(federation, cancellationToken);
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var owned = await db.Campaigns.AsNoTracking().Where(c => c.FederationId != null).Select(c => new { c.Id, c.FederationId }).ToListAsync(cancellationToken);
        return owned.Where(c => c.FederationId == federation || under.Contains(c.FederationId!)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>404 for a campaign (route value <c>id</c>) out of the person's reach: on every endpoint of a campaign's groups.</summary>
    public static readonly Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> CampaignFilter =
        ById((scope, user, id, ct) => scope.MaySeeCampaignAsync(user, id, ct), Problems.CampaignNotFound);

    /// <summary>404 for a unit of the directory (route value <c>id</c>) out of the person's reach.</summary>
    public static readonly Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> UnitFilter =
        ById((scope, user, id, ct) => scope.MaySeeUnitAsync(user, id, ct), Problems.ChamberNotFound);

    /// <summary>404 for a workflow instance (route value <c>id</c>) out of the person's reach.</summary>
    public static readonly Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> InstanceFilter =
        ById((scope, user, id, ct) => scope.MaySeeInstanceAsync(user, id, ct),
            id => Problems.NotFound(ReaderText.Of($"流程实例 {id} 不存在", $"Workflow instance '{id}' does not exist.")));

    /// <summary>An endpoint filter that answers <paramref name="notFound"/> when the route's <c>id</c> is out of the person's reach.</summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> ById(
        Func<FederationScope, ClaimsPrincipal, string, CancellationToken, Task<bool>> maySee, Func<string, ProblemHttpResult> notFound) =>
        async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues.TryGetValue("id", out var value) && value is string id
                && !await maySee(http.RequestServices.GetRequiredService<FederationScope>(), http.User, id, http.RequestAborted))
                return notFound(id);
            return await next(context);
        };

    /// <summary>Refuses what only the top level does (the calendar, templates, accounts of all): for a federation's account, 403 with the reason.</summary>
    public static async ValueTask<object?> TopLevelOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.FederationOf() is null
            ? await next(context)
            : Problems.Forbidden(ReaderText.Of("这项操作由上级工商联办理", "This is done by the upper level's federation."));
}

public static class FederationClaims
{
    /// <summary>The federation the signed-in person's account works for; null for the top level.</summary>
    public static string? FederationOf(this ClaimsPrincipal user) => user.FindFirstValue(FederationScope.FederationClaim) is { Length: > 0 } id ? id : null;

    /// <summary>Every endpoint of the group checks that the campaign (<c>{id}</c>) is within the person's federation.</summary>
    public static RouteGroupBuilder ScopedToCampaign(this RouteGroupBuilder group) => group.AddEndpointFilter(FederationScope.CampaignFilter);

    /// <summary>Every endpoint of the group checks that the unit (<c>{id}</c>) is within the person's federation.</summary>
    public static RouteGroupBuilder ScopedToUnit(this RouteGroupBuilder group) => group.AddEndpointFilter(FederationScope.UnitFilter);
}
