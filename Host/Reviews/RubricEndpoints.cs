using System.Security.Claims;
using Chamber.Campaigns.Reviews;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Reviews;

/// <summary>
/// The rubrics, for reviewers scoring from their inbox (at the version their task names), for the
/// campaign wizard and the rubrics page; administrators edit one into a new version.
/// </summary>
public static class RubricEndpoints
{
    public static void MapRubricEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rubrics").WithTags("Reviews");
        group.MapGet("/", async (RubricCatalog rubrics, CancellationToken ct) => TypedResults.Ok(await rubrics.ListAsync(ct)));
        group.MapGet("/{id}", async Task<Results<Ok<Rubric>, ProblemHttpResult>> (string id, int? version, RubricCatalog rubrics, CancellationToken ct) =>
            await rubrics.FindAsync(id, version, ct) is { } rubric ? TypedResults.Ok(rubric) : NotFound(id, version));
        group.MapGet("/{id}/versions", async Task<Results<Ok<IReadOnlyList<RubricVersionInfo>>, ProblemHttpResult>> (string id, RubricCatalog rubrics,
            CancellationToken ct) =>
            await rubrics.VersionsAsync(id, ct) is { Count: > 0 } versions ? TypedResults.Ok(versions) : NotFound(id, null));
        group.MapPut("/{id}", async Task<Results<Ok<Rubric>, ProblemHttpResult>> (string id, RubricEdit edit, ClaimsPrincipal user, RubricCatalog rubrics,
            CancellationToken ct) =>
            await rubrics.SaveAsync(id, edit, user.FindFirstValue(ClaimTypes.Email), ct) is { } saved ? TypedResults.Ok(saved) : NotFound(id, null))
            .ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Administer);
    }

    private static ProblemHttpResult NotFound(string id, int? version) => Problems.NotFound(version is null
        ? ReaderText.Of($"考核细则 {id} 不存在", $"Rubric {id} does not exist.")
        : ReaderText.Of($"考核细则 {id} 没有第 {version} 版", $"Rubric {id} has no version {version}."));
}
