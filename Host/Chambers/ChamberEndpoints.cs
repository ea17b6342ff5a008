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
        var group = app.MapGroup("/api/chambers").WithTags("Chambers").RequireAuthorization(Policies.Operate);
        // Anti-forgery is checked for every unsafe /api call by UseAntiforgeryForApi (header token);
        // the framework's own form check would need its middleware too, hence DisableAntiforgery.
        group.MapPost("/import", ImportAsync).DisableAntiforgery();
        group.MapGet("/", async (string? search, string? district, ChamberType? type, [AsParameters] PageRequest page, ChamberDirectory directory,
            CancellationToken ct) => TypedResults.Ok(await directory.ListAsync(new ChamberQuery(search, district, type), page, ct)));
        group.MapGet("/template.csv", () => TypedResults.File(ChamberImport.TemplateCsv(), "text/csv; charset=utf-8", "商会名录模板.csv"));
        group.MapGet("/districts", async (ChamberDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.DistrictsAsync(ct)));
        group.MapGet("/federations", async (ChamberDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.FederationsAsync(ct)));
        group.MapGet("/{id}", async Task<Results<Ok<ChamberRecord>, ProblemHttpResult>> (string id, ChamberDirectory directory, CancellationToken ct) =>
            await directory.FindAsync(id, ct) is { } chamber ? TypedResults.Ok(chamber) : NotFound(id));
        group.MapPut("/{id}", async Task<Results<Ok<ChamberRecord>, ProblemHttpResult>> (string id, ChamberEdit edit, ChamberDirectory directory, CancellationToken ct) =>
            await directory.UpdateAsync(id, edit, ct) is { } chamber ? TypedResults.Ok(chamber) : NotFound(id))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, ChamberDirectory directory, CancellationToken ct) =>
            await directory.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id))
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(HttpRequest request, ChamberDirectory directory, CancellationToken ct)
    {
        var (content, fileName, problem) = await UploadForms.ReadImportAsync(request, ct);
        if (content is null)
            return problem!;
        try
        {
            return TypedResults.Ok(await directory.ImportAsync(content, fileName, ct));
        }
        catch (FormatException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound(ReaderText.Of($"商会 {id} 不存在", $"Chamber {id} does not exist."));
}
