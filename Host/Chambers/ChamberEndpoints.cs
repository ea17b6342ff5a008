using System.Security.Claims;
using Chamber.Campaigns.Chambers;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Host.Submissions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Chambers;

/// <summary>The chamber directory: import from CSV/XLSX (with a template to fill in), list, filter, edit and delete (member-department staff and administrators).</summary>
public static class ChamberEndpoints
{
    public static void MapChamberEndpoints(this IEndpointRouteBuilder app)
    {
        // A federation's staff see and keep the units under it; the top level's, the whole directory.
        var group = app.MapGroup("/api/chambers").WithTags("Chambers").RequireAuthorization(Policies.Operate).ScopedToUnit();
        // Anti-forgery is checked for every unsafe /api call by UseAntiforgeryForApi (header token);
        // the framework's own form check would need its middleware too, hence DisableAntiforgery.
        group.MapPost("/import", ImportAsync).DisableAntiforgery();
        group.MapGet("/", async (string? search, string? district, ChamberType? type, [AsParameters] PageRequest page, ClaimsPrincipal user,
            ChamberDirectory directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.ListAsync(new ChamberQuery(search, district, type, user.FederationOf()), page, ct)));
        group.MapGet("/template.csv", () => TypedResults.File(ChamberImport.TemplateCsv(), "text/csv; charset=utf-8", "商会名录模板.csv"));
        group.MapGet("/districts", async (ChamberDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.DistrictsAsync(ct)));
        group.MapGet("/federations", async (ClaimsPrincipal user, ChamberDirectory directory, CancellationToken ct) =>
        {
            var federations = await directory.FederationsAsync(ct);
            if (user.FederationOf() is not { } own)
                return TypedResults.Ok(federations);
            var under = await directory.UnderAsync(own, ct);
            return TypedResults.Ok<IReadOnlyList<FederationRef>>([.. federations.Where(f => f.Id == own || under.Contains(f.Id))]);
        });
        group.MapGet("/{id}", async Task<Results<Ok<ChamberRecord>, ProblemHttpResult>> (string id, ChamberDirectory directory, CancellationToken ct) =>
            await directory.FindAsync(id, ct) is { } chamber ? TypedResults.Ok(chamber) : NotFound(id));
        group.MapPut("/{id}", async Task<Results<Ok<ChamberRecord>, ProblemHttpResult>> (string id, ChamberEdit edit, ClaimsPrincipal user,
            ChamberDirectory directory, CancellationToken ct) =>
        {
            if (user.FederationOf() is { } own && (id == own || edit.ParentId is null || (edit.ParentId != own && !await directory.StandsUnderAsync(edit.ParentId, own, ct))))
            {
                return Problems.BadRequest(id == own
                    ? ReaderText.Of("本单位的信息由上级工商联维护", "The upper level keeps this federation's own entry.")
                    : ReaderText.Of("上级单位须为本单位或其所属单位", "The parent must be this federation or one of its units."));
            }

            return await directory.UpdateAsync(id, edit, ct) is { } chamber ? TypedResults.Ok(chamber) : NotFound(id);
        }).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, ClaimsPrincipal user, ChamberDirectory directory, CancellationToken ct) =>
            id == user.FederationOf()
                ? Problems.BadRequest(ReaderText.Of("本单位的信息由上级工商联维护", "The upper level keeps this federation's own entry."))
                : await directory.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id))
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(HttpRequest request, ClaimsPrincipal user, ChamberDirectory directory,
        CancellationToken ct)
    {
        var (content, fileName, problem) = await UploadForms.ReadImportAsync(request, ct);
        if (content is null)
            return problem!;
        try
        {
            return TypedResults.Ok(await directory.ImportAsync(content, fileName, user.FederationOf(), ct));
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound(ReaderText.Of($"商会 {id} 不存在", $"Chamber {id} does not exist."));
}
