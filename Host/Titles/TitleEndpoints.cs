using System.Security.Claims;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Titles;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Titles;

/// <summary>A unit's titles (认定) with their history; staff remove one (摘牌) with the reason.</summary>
public static class TitleEndpoints
{
    /// <summary>Why a title is removed.</summary>
    public sealed record TitleRemoval(string? Reason);

    public static void MapTitleEndpoints(this IEndpointRouteBuilder app)
    {
        // Who holds each title: a re-check campaign's participants are picked from them.
        app.MapGet("/api/titles/holders", async (ClaimsPrincipal user, ChamberTitles titles, ChamberDirectory chambers, CancellationToken ct) =>
        {
            var holders = await titles.HoldersAsync(ct);
            if (user.FederationOf() is not { } own)
                return TypedResults.Ok(holders);
            var under = await chambers.UnderAsync(own, ct);
            return TypedResults.Ok<IReadOnlyList<TitleHolders>>([.. holders.Select(h => h with { ChamberIds = [.. h.ChamberIds.Where(under.Contains)] }).Where(h => h.ChamberIds.Count > 0)]);
        }).WithTags("Titles").RequireAuthorization(Policies.Operate);

        var group = app.MapGroup("/api/chambers/{id}/titles").WithTags("Titles").RequireAuthorization(Policies.Oversee).ScopedToUnit();
        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<TitleView>>, ProblemHttpResult>> (string id, ChamberDirectory chambers, ChamberTitles titles,
            CancellationToken ct) =>
            await chambers.FindAsync(id, ct) is null ? Problems.ChamberNotFound(id) : TypedResults.Ok(await titles.OfChamberAsync(id, ct)));
        group.MapPost("/{titleId}/remove", async Task<Results<Ok<TitleView>, ProblemHttpResult>> (string id, string titleId, TitleRemoval removal,
            ClaimsPrincipal user, ChamberTitles titles, CancellationToken ct) =>
            await titles.RemoveAsync(id, titleId, removal.Reason, user.Who(), null, ct) is { } removed
                ? TypedResults.Ok(removed)
                : Problems.NotFound(ReaderText.Of($"{id} 没有持有中的称号 {titleId}", $"{id} holds no title {titleId}.")))
            .ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
    }
}
