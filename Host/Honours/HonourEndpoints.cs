using System.Security.Claims;
using Chamber.Campaigns.Honours;
using Chamber.Campaigns.Lifecycle;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Honours;

/// <summary>
/// A campaign's 拟表彰名单: everyone who oversees the campaign reads it; staff put units on it or take
/// them off, each with the reason, until the leaders sign it off.
/// </summary>
public static class HonourEndpoints
{
    public static void MapHonourEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns/{id}/honours").WithTags("Honours").RequireAuthorization(Policies.Oversee).ScopedToCampaign();
        group.MapGet("/", async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> (string id, CampaignQueries campaigns, CampaignHonours honours,
            CancellationToken ct) =>
            await campaigns.FindAsync(id, ct) is null ? Problems.CampaignNotFound(id)
            : await honours.ViewAsync(id, ct) is { } list ? TypedResults.Ok(list)
            : Problems.NotFound(ReaderText.Of("考核结束后才有拟表彰名单", "The campaign has no shortlist yet: it is made when the review is over.")));
        group.MapPut("/{chamberId}", async Task<Results<Ok<ShortlistView>, ProblemHttpResult>> (string id, string chamberId, HonourChange change,
            ClaimsPrincipal user, CampaignHonours honours, CancellationToken ct) =>
            await honours.ChangeAsync(id, chamberId, change, user.Who(), ct) is { } list
                ? TypedResults.Ok(list)
                : Problems.NotFound(ReaderText.Of($"{chamberId} 不在活动 {id} 的达标单位中", $"{chamberId} is not among the units that passed campaign {id}.")))
            .ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
    }
}
