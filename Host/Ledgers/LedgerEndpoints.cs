using System.Security.Claims;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Ledgers;
using Chamber.Campaigns.Portal;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Host.Portal;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Ledgers;

/// <summary>
/// 台账: a unit enters its figures for a year through its portal link (last year's beside them);
/// staff read every year of a unit and confirm the figures or return them with the reason.
/// </summary>
public static class LedgerEndpoints
{
    /// <summary>Staff's answer to a year's figures: confirmed, or returned with the reason.</summary>
    public sealed record LedgerReview(bool Confirm, string? Reason);

    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal/{token}/ledger").WithTags("Portal").AllowAnonymous().RequireRateLimiting(PortalEndpoints.PortalRateLimit);
        portal.MapGet("/{year:int}", async Task<Results<Ok<LedgerView>, ProblemHttpResult>> (string token, int year, PortalLinks links, ChamberLedgers ledgers,
            CancellationToken ct) =>
        {
            var (chamberId, problem) = await links.VerifyAsync(token, ct);
            if (chamberId is null)
                return PortalEndpoints.Refuse(problem);
            return ledgers.IsOpenYear(year) ? TypedResults.Ok(await ledgers.ViewAsync(chamberId, year, ct)) : YearNotOpen(year);
        });
        portal.MapPut("/{year:int}", async Task<Results<Ok<LedgerView>, ProblemHttpResult>> (string token, int year, LedgerEntry entry, PortalLinks links,
            ChamberLedgers ledgers, CancellationToken ct) =>
        {
            var (chamberId, problem) = await links.VerifyAsync(token, ct);
            if (chamberId is null)
                return PortalEndpoints.Refuse(problem);
            return TypedResults.Ok(await ledgers.SubmitAsync(chamberId, year, entry, ct));
        }).DisableAntiforgery().ProducesProblem(StatusCodes.Status400BadRequest);

        // The figures a 台账 holds, which rubric indicators may name (the rubric editor offers them).
        app.MapGet("/api/ledger-fields", () => TypedResults.Ok(LedgerFields.Sections)).WithTags("Reviews").RequireAuthorization(Policies.Oversee);

        var staff = app.MapGroup("/api/chambers/{id}/ledgers").WithTags("Chambers").RequireAuthorization(Policies.Operate).ScopedToUnit();
        staff.MapGet("/", async Task<Results<Ok<IReadOnlyList<LedgerView>>, ProblemHttpResult>> (string id, ChamberDirectory chambers, ChamberLedgers ledgers,
            CancellationToken ct) =>
            await chambers.FindAsync(id, ct) is null ? Problems.ChamberNotFound(id) : TypedResults.Ok(await ledgers.ListAsync(id, ct)));
        staff.MapPost("/{year:int}/review", async Task<Results<Ok<LedgerView>, ProblemHttpResult>> (string id, int year, LedgerReview review, ClaimsPrincipal user,
            ChamberLedgers ledgers, CancellationToken ct) =>
            await ledgers.ReviewAsync(id, year, review.Confirm, review.Reason, user.Who(), ct) is { } reviewed
                ? TypedResults.Ok(reviewed)
                : Problems.NotFound(ReaderText.Of($"{id} 没有填报{year}年台账", $"{id} has entered no figures for {year}.")))
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static ProblemHttpResult YearNotOpen(int year) =>
        Problems.BadRequest(ReaderText.Of($"只能填报2004年至今年的台账，不能填报{year}年", $"Only the years from 2004 to this year can be entered, not {year}."));
}
