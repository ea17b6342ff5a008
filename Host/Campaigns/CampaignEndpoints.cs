using System.Text.Json.Nodes;
using Chamber.Activities.Campaigns;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Workflows.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Campaigns;

/// <summary>Campaigns: templates, create, launch, and where every participant stands.</summary>
public static class CampaignEndpoints
{
    /// <summary>A published definition that declares a rubric in its customProperties is a campaign template; it names the workflow each participant runs.</summary>
    public sealed record CampaignTemplate(string Id, string? Name, string? Description, int Version, string? Rubric, string? ParticipantWorkflow,
        JsonNode? Schedule);

    /// <summary>The participant filters of the list and the export, from the query string.</summary>
    public sealed record ParticipantQuery(string? Status, string? Search, string? District, string? Outcome)
    {
        private static readonly string[] KnownOutcomes =
            [CampaignProgress.Outcomes.Commended, CampaignProgress.Outcomes.Rectifying, CampaignProgress.Outcomes.NotPassed, ParticipantFilter.NoOutcome];

        public ParticipantFilter Filter => new(NullIfBlank(Status), Search, District, NullIfBlank(Outcome));

        public string? Problem() =>
            NullIfBlank(Status) is { } status && !ParticipantStatus.All.Contains(status)
                ? $"未知状态“{status}”，可用：{string.Join(", ", ParticipantStatus.All)} / Unknown status."
            : NullIfBlank(Outcome) is { } outcome && !KnownOutcomes.Contains(outcome)
                ? $"未知结果“{outcome}”，可用：{string.Join(", ", KnownOutcomes)} / Unknown outcome."
            : Search?.Length > 100 ? "搜索内容过长 / The search text is too long." : null;

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public sealed record ParticipantPage(int Total, int Page, int PageSize, IReadOnlyList<ParticipantView> Items);

    public static void MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/campaign-templates", async (DefinitionService definitions, CancellationToken ct) =>
        {
            var templates = new List<CampaignTemplate>();
            foreach (var graph in await definitions.GetAllPublishedAsync(ct))
            {
                var definition = graph.Definition;
                if (definition.UnknownFields["customProperties"] is JsonObject properties && properties["rubric"] is { } rubric)
                {
                    templates.Add(new CampaignTemplate(definition.DefinitionId, definition.Name, definition.Description, definition.Version,
                        rubric.GetValue<string>(), properties["participantWorkflow"]?.GetValue<string>(), properties["schedule"]?.DeepClone()));
                }
            }

            return TypedResults.Ok(templates.OrderBy(t => t.Id, StringComparer.Ordinal).ToList());
        }).WithTags("Campaigns").RequireAuthorization(Policies.Oversee);

        var group = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization(Policies.Oversee);
        group.MapGet("/", async (CampaignService campaigns, CancellationToken ct) => TypedResults.Ok(await campaigns.ListAsync(ct)));
        group.MapPost("/", async Task<Results<Created<CampaignRecord>, ProblemHttpResult>> (CreateCampaign request, CampaignService campaigns, CancellationToken ct) =>
        {
            try
            {
                var campaign = await campaigns.CreateAsync(request, ct);
                return TypedResults.Created($"/api/campaigns/{campaign.Id}", campaign);
            }
            catch (CampaignRequestException e)
            {
                return Problems.BadRequest(e.Message);
            }
        }).RequireAuthorization(Policies.Operate);
        group.MapPost("/{id}/launch", async Task<Results<Accepted<CampaignView>, ProblemHttpResult>> (string id, CampaignService campaigns, CancellationToken ct) =>
        {
            if (await campaigns.FindAsync(id, ct) is null)
                return Problems.NotFound($"活动 {id} 不存在 / Campaign {id} does not exist.");
            if (!await campaigns.LaunchAsync(id, ct))
                return Problems.Conflict("活动已启动 / The campaign was already launched.");
            return TypedResults.Accepted($"/api/campaigns/{id}", await campaigns.ViewAsync(id, ct));
        }).RequireAuthorization(Policies.Operate);
        group.MapPost("/{id}/chase", async Task<Results<Ok<ChaseResult>, ProblemHttpResult>> (string id, ChaseRequest request, CampaignService campaigns,
            ParticipantChaser chaser, CancellationToken ct) =>
        {
            if (await campaigns.FindAsync(id, ct) is not { } campaign)
                return Problems.NotFound($"活动 {id} 不存在 / Campaign {id} does not exist.");
            try
            {
                return TypedResults.Ok(await chaser.ChaseAsync(campaign, request, ct));
            }
            catch (CampaignRequestException e)
            {
                return Problems.BadRequest(e.Message);
            }
        }).RequireAuthorization(Policies.Operate);
        group.MapGet("/{id}", async Task<Results<Ok<CampaignView>, ProblemHttpResult>> (string id, CampaignService campaigns, CancellationToken ct) =>
            await campaigns.ViewAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"活动 {id} 不存在 / Campaign {id} does not exist."));
        group.MapGet("/{id}/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, [AsParameters] ParticipantQuery query,
            CampaignService campaigns, TimeProvider clock, CancellationToken ct) =>
        {
            if (query.Problem() is { } problem)
                return Problems.BadRequest(problem);
            if (await campaigns.FindAsync(id, ct) is not { } campaign)
                return Problems.NotFound($"活动 {id} 不存在 / Campaign {id} does not exist.");
            var participants = new List<ParticipantView>();
            for (var page = 1; ; page++)
            {
                var (total, items) = await campaigns.ParticipantsAsync(id, query.Filter, page, 500, ct);
                participants.AddRange(items);
                if (participants.Count >= total || items.Count == 0)
                    break;
            }

            return TypedResults.File(CampaignExport.ToXlsx(campaign, participants),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{campaign.Name}-{clock.GetUtcNow():yyyyMMdd}.xlsx");
        });
        group.MapGet("/{id}/participants", async Task<Results<Ok<ParticipantPage>, ProblemHttpResult>> (string id, [AsParameters] ParticipantQuery query,
            int? page, int? pageSize, CampaignService campaigns, CancellationToken ct) =>
        {
            if (query.Problem() is { } problem)
                return Problems.BadRequest(problem);
            if (await campaigns.FindAsync(id, ct) is null)
                return Problems.NotFound($"活动 {id} 不存在 / Campaign {id} does not exist.");
            var number = Math.Clamp(page ?? 1, 1, 1_000_000);
            var size = Math.Clamp(pageSize ?? 50, 1, 500);
            var (total, items) = await campaigns.ParticipantsAsync(id, query.Filter, number, size, ct);
            return TypedResults.Ok(new ParticipantPage(total, number, size, items));
        });
    }
}
