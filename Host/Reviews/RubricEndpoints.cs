using Chamber.Campaigns.Reviews;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Reviews;

/// <summary>The shipped rubrics, for reviewers scoring from their inbox and for the campaign wizard.</summary>
public static class RubricEndpoints
{
    public static void MapRubricEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rubrics").WithTags("Reviews");
        group.MapGet("/", () => TypedResults.Ok(Rubrics.All));
        group.MapGet("/{id}", Results<Ok<Rubric>, ProblemHttpResult> (string id) =>
            Rubrics.Exists(id) ? TypedResults.Ok(Rubrics.Get(id)) : Problems.NotFound(ReaderText.Of($"考核细则 {id} 不存在", $"Rubric {id} does not exist.")));
    }
}
