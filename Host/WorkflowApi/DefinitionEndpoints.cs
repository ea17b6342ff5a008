using System.Text;
using System.Text.Json.Nodes;
using Chamber.Host.Auth;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chamber.Host.WorkflowApi;

/// <summary>Workflow definitions in Elsa 3's JSON: import, draft, publish, retract, versions, export; and the activity palette.</summary>
public static class DefinitionEndpoints
{
    /// <summary>Definitions with hundreds of activities stay far below this.</summary>
    private const long MaxDefinitionBytes = 5 * 1024 * 1024;

    public sealed record ImportedDefinition(string DefinitionId, string Id, int Version, bool IsPublished);

    public sealed record DefinitionDetail(DefinitionSummary Summary, JsonObject Definition);

    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        // Definitions are read by whoever oversees campaigns (the live flowchart of a campaign); changed by administrators.
        // The built-in activities, then the published workflows that other workflows may use as activities.
        app.MapGet("/api/activity-descriptors", async (ActivityRegistry registry, IWorkflowGraphSource graphs, CancellationToken ct) =>
            {
                var workflows = (await graphs.GetAllPublishedAsync(ct)).Select(g => g.Definition).Where(d => d.UsableAsActivity)
                    .OrderBy(d => d.Name, StringComparer.Ordinal).Select(ActivityDescriptor.From);
                return TypedResults.Ok<IReadOnlyList<ActivityDescriptor>>([.. registry.Describe(), .. workflows]);
            })
            .WithTags("Definitions").RequireAuthorization(Policies.Oversee);

        var group = app.MapGroup("/api/workflow-definitions").WithTags("Definitions").RequireAuthorization(Policies.Oversee);
        group.MapGet("/", async (DefinitionService definitions, CancellationToken ct) => TypedResults.Ok(await definitions.ListAsync(ct)));
        group.MapPost("/import", ImportAsync).RequireAuthorization(Policies.Design)
            .WithMetadata(new RequestSizeLimitAttribute(MaxDefinitionBytes));
        group.MapGet("/{definitionId}", async (string definitionId, int? version, DefinitionService definitions, CancellationToken ct) =>
        {
            var (summary, json) = await definitions.GetAsync(definitionId, version, ct);
            return TypedResults.Ok(new DefinitionDetail(summary, json));
        });
        group.MapPut("/{definitionId}", SaveDraftAsync).RequireAuthorization(Policies.Design)
            .WithMetadata(new RequestSizeLimitAttribute(MaxDefinitionBytes));
        group.MapGet("/{definitionId}/versions", async (string definitionId, DefinitionService definitions, CancellationToken ct) =>
            TypedResults.Ok(await definitions.VersionsAsync(definitionId, ct)));
        group.MapPost("/{definitionId}/publish", async (string definitionId, DefinitionService definitions, CancellationToken ct) =>
            TypedResults.Ok(await definitions.PublishAsync(definitionId, ct))).RequireAuthorization(Policies.Design);
        group.MapPost("/{definitionId}/retract", async (string definitionId, DefinitionService definitions, CancellationToken ct) =>
            TypedResults.Ok(await definitions.RetractAsync(definitionId, ct))).RequireAuthorization(Policies.Design);
        group.MapGet("/{definitionId}/export", ExportAsync);
    }

    private static async Task<Results<Created<ImportedDefinition>, ProblemHttpResult>> ImportAsync(HttpRequest request, DefinitionService definitions, CancellationToken ct)
    {
        var json = await ReadBodyAsync(request, ct);
        if (json is null)
            return Errors.Problems.BadRequest(ReaderText.Of("请求体为空，请发送 Elsa 3 格式的流程定义 JSON", "The body is empty: send an Elsa-3 workflow definition as JSON."));
        var saved = await definitions.ImportAsync(json, ct);
        return TypedResults.Created($"/api/workflow-definitions/{saved.DefinitionId}",
            new ImportedDefinition(saved.DefinitionId, saved.Id, saved.Version, saved.IsPublished));
    }

    private static async Task<Results<Ok<DefinitionSummary>, ProblemHttpResult>> SaveDraftAsync(string definitionId, HttpRequest request,
        DefinitionService definitions, CancellationToken ct)
    {
        var json = await ReadBodyAsync(request, ct);
        if (json is null)
            return Errors.Problems.BadRequest(ReaderText.Of("请求体为空", "The body is empty: send the definition as Elsa-3 JSON."));
        return TypedResults.Ok(await definitions.SaveDraftAsync(definitionId, json, ct));
    }

    private static async Task<IResult> ExportAsync(string definitionId, int? version, DefinitionService definitions, CancellationToken ct)
    {
        var (summary, json) = await definitions.GetAsync(definitionId, version, ct);
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString(Json.ApiJson.Indented));
        return TypedResults.File(bytes, "application/json", $"{summary.DefinitionId}-v{summary.Version}.json");
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
