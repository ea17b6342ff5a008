using System.Security.Claims;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Notices;
using Chamber.Campaigns.Stopping;
using Chamber.Campaigns.Submissions;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Host.Submissions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Paging;
using Chamber.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Campaigns;

/// <summary>Campaigns: templates, create, launch, and where every participant stands.</summary>
public static class CampaignEndpoints
{
    /// <summary>Why a participant is made a demonstration unit.</summary>
    public sealed record DemonstrationPick(string? Reason);

    /// <summary>Why a campaign is stopped: its participants are told.</summary>
    public sealed record StopRequest(string? Reason);

    /// <summary>Staff's answer to an objection.</summary>
    public sealed record ObjectionAnswer(string? Answer);

    /// <summary>How many faulted workflows were run again, and how many of them faulted again.</summary>
    public sealed record RetryResult(int Retried, int FaultedAgain);

    /// <summary>The participant filters of the list and the export, from the query string.</summary>
    public sealed record ParticipantQuery(string? Status, string? Search, string? District, string? Outcome, string? Parent = null)
    {
        private static readonly string[] KnownOutcomes =
            [CampaignProgress.Outcomes.Commended, CampaignProgress.Outcomes.Passed, CampaignProgress.Outcomes.Rectifying, CampaignProgress.Outcomes.NotPassed,
                CampaignProgress.Outcomes.NotParticipated, ParticipantFilter.NoOutcome];

        public ParticipantFilter Filter => new(NullIfBlank(Status), Search, District, NullIfBlank(Outcome), NullIfBlank(Parent));

        public string? Problem() =>
            NullIfBlank(Status) is { } status && !ParticipantStatus.All.Contains(status)
                ? ReaderText.Of($"未知状态“{status}”，可用：{string.Join(", ", ParticipantStatus.All)}", $"Unknown status '{status}'; one of {string.Join(", ", ParticipantStatus.All)}.")
            : NullIfBlank(Outcome) is { } outcome && !KnownOutcomes.Contains(outcome)
                ? ReaderText.Of($"未知结果“{outcome}”，可用：{string.Join(", ", KnownOutcomes)}", $"Unknown outcome '{outcome}'; one of {string.Join(", ", KnownOutcomes)}.")
            : Search?.Length > 100 ? ReaderText.Of("搜索内容过长", "The search text is too long.") : null;

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static void MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/campaign-templates", async (CampaignTemplates templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct)))
            .WithTags("Campaigns").RequireAuthorization(Policies.Oversee);

        // A federation's staff see their own campaigns and those of the federations under them; the top level's, every campaign.
        var group = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization(Policies.Oversee).ScopedToCampaign();
        group.MapGet("/", async (ClaimsPrincipal user, FederationScope scope, CampaignQueries campaigns, CancellationToken ct) =>
        {
            var list = await campaigns.ListAsync(ct);
            return await scope.VisibleCampaignsAsync(user, ct) is { } visible
                ? TypedResults.Ok<IReadOnlyList<CampaignRecord>>([.. list.Where(c => visible.Contains(c.Id))])
                : TypedResults.Ok(list);
        });
        group.MapPost("/", async Task<Created<CampaignRecord>> (CreateCampaign request, ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
        {
            var campaign = await campaigns.CreateAsync(request, user.FederationOf(), ct);
            return TypedResults.Created($"/api/campaigns/{campaign.Id}", campaign);
        }).ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
        group.MapGet("/{id}/draft", async Task<Results<Ok<CreateCampaign>, ProblemHttpResult>> (string id, CampaignQueries campaigns, CancellationToken ct) =>
            await campaigns.DraftAsync(id, ct) is { } draft ? TypedResults.Ok(draft) : NotFound(id));
        group.MapPut("/{id}", async Task<Results<Ok<CampaignRecord>, ProblemHttpResult>> (string id, CreateCampaign request, CampaignService campaigns,
            CancellationToken ct) =>
            await campaigns.UpdateAsync(id, request, ct) is { } campaign ? TypedResults.Ok(campaign) : NotFound(id))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.Operate);
        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, CampaignService campaigns, CancellationToken ct) =>
            await campaigns.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id))
            .ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.Operate);
        group.MapPost("/{id}/launch", async Task<Results<Accepted<CampaignView>, ProblemHttpResult>> (string id, CampaignService commands,
            CampaignQueries campaigns, CancellationToken ct) =>
        {
            if (await campaigns.FindAsync(id, ct) is not { } campaign)
                return NotFound(id);
            if (!await commands.LaunchAsync(id, ct))
                return Problems.Conflict(campaign.Status == CampaignStatus.Stopped
                    ? ReaderText.Of("活动已中止，不能再启动", "The campaign has been stopped; it cannot be launched.")
                    : ReaderText.Of("活动已启动", "The campaign was already launched."));
            return TypedResults.Accepted($"/api/campaigns/{id}", await campaigns.ViewAsync(id, ct));
        }).RequireAuthorization(Policies.Operate);
        // Called off with a reason: marked at once; its workflows are cancelled and its participants told in the background.
        group.MapPost("/{id}/stop", async Task<Results<Accepted<CampaignView>, ProblemHttpResult>> (string id, StopRequest request, ClaimsPrincipal user,
            CampaignService commands, CampaignQueries campaigns, CampaignStopper stopper, CancellationToken ct) =>
        {
            if (!await commands.StopAsync(id, request.Reason, user.Who(), cancellationToken: ct))
                return NotFound(id);
            stopper.Pulse();
            return TypedResults.Accepted($"/api/campaigns/{id}", await campaigns.ViewAsync(id, ct));
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.Operate);
        group.MapPost("/{id}/chase", async Task<Results<Ok<ChaseResult>, ProblemHttpResult>> (string id, ChaseRequest request, CampaignQueries campaigns,
            ParticipantChaser chaser, CancellationToken ct) =>
            await campaigns.FindAsync(id, ct) switch
            {
                null => NotFound(id),
                { Status: CampaignStatus.Stopped } => Problems.Conflict(ReaderText.Of("活动已中止，不再催办", "The campaign has been stopped: nobody is chased for it.")),
                var campaign => TypedResults.Ok(await chaser.ChaseAsync(campaign, request, ct)),
            })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.Operate);
        // After the cause is fixed (a calendar year imported, a template corrected), every faulted workflow of the campaign runs on from its fault.
        group.MapPost("/{id}/retry-faulted", async Task<Results<Ok<RetryResult>, ProblemHttpResult>> (string id, CampaignQueries campaigns,
            WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (await campaigns.FindAsync(id, ct) is null)
                return NotFound(id);
            int retried = 0, faultedAgain = 0;
            foreach (var instanceId in await campaigns.FaultedInstancesAsync(id, ct))
            {
                try
                {
                    var result = await runtime.RetryAsync(instanceId, ct);
                    retried++;
                    if (result.Status == WorkflowStatus.Faulted)
                        faultedAgain++;
                }
                catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
                {
                    // Retried by someone else meanwhile.
                }
            }

            return TypedResults.Ok(new RetryResult(retried, faultedAgain));
        }).RequireAuthorization(Policies.Operate);
        // The campaign's own documents (the plan, as Word or PDF): the plan's approvers open them on their task.
        group.MapGet("/{id}/documents", async Task<Results<Ok<IReadOnlyList<SubmissionFileView>>, ProblemHttpResult>> (string id, CampaignDocuments documents,
            CancellationToken ct) => await documents.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : NotFound(id));
        group.MapPost("/{id}/documents", async Task<Results<Ok<IReadOnlyList<SubmissionFileView>>, ProblemHttpResult>> (string id, HttpRequest request,
            CampaignDocuments documents, CancellationToken ct) =>
        {
            var (form, refused) = await UploadForms.ReadAsync(request, ct);
            if (form is null)
                return refused!;
            return await documents.AddAsync(id, UploadForms.Uploads(form), ct) is { } list ? TypedResults.Ok(list) : NotFound(id);
        }).DisableAntiforgery().RequireAuthorization(Policies.Operate).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SubmissionFiles.MaxUploadBytes));
        group.MapDelete("/{id}/documents/{fileId}", async Task<Results<NoContent, ProblemHttpResult>> (string id, string fileId, CampaignDocuments documents,
            CancellationToken ct) => await documents.DeleteAsync(id, fileId, ct)
                ? TypedResults.NoContent() : Problems.NotFound(ReaderText.Of($"活动 {id} 没有文件 {fileId}", $"Campaign {id} has no document {fileId}.")))
            .RequireAuthorization(Policies.Operate);
        // 示范单位: staff pick participants as demonstration units while the campaign runs.
        group.MapGet("/{id}/demonstrations", async Task<Results<Ok<IReadOnlyList<DemonstrationUnit>>, ProblemHttpResult>> (string id, CampaignQueries campaigns,
            DemonstrationUnits units, CancellationToken ct) =>
            await campaigns.FindAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await units.ListAsync(id, ct)));
        group.MapPut("/{id}/demonstrations/{chamberId}", async Task<Results<NoContent, ProblemHttpResult>> (string id, string chamberId, DemonstrationPick pick,
            DemonstrationUnits units, CancellationToken ct) =>
            await units.PickAsync(id, chamberId, pick.Reason, ct)
                ? TypedResults.NoContent()
                : Problems.NotFound(ReaderText.Of($"活动 {id} 没有参与单位 {chamberId}", $"Campaign {id} has no participant {chamberId}.")))
            .ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
        group.MapDelete("/{id}/demonstrations/{chamberId}", async Task<Results<NoContent, ProblemHttpResult>> (string id, string chamberId,
            DemonstrationUnits units, CancellationToken ct) =>
            await units.DropAsync(id, chamberId, ct)
                ? TypedResults.NoContent()
                : Problems.NotFound(ReaderText.Of($"{chamberId} 不是活动 {id} 的示范单位", $"{chamberId} is no demonstration unit of campaign {id}.")))
            .RequireAuthorization(Policies.Operate);
        // The campaign by district, for the upper level: each row opens that district's participants (?district=).
        group.MapGet("/{id}/districts", async Task<Results<Ok<IReadOnlyList<DistrictProgress>>, ProblemHttpResult>> (string id, CampaignQueries campaigns,
            CampaignDistricts districts, CancellationToken ct) =>
            await campaigns.FindAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await districts.ListAsync(id, ct)));
        // The campaign by the directory's hierarchy (市 → 区县 → 街道), each federation opening the participants directly under it (?parent=).
        group.MapGet("/{id}/tree", async Task<Results<Ok<CampaignTreeView>, ProblemHttpResult>> (string id, CampaignQueries campaigns,
            CampaignTree tree, CancellationToken ct) =>
            await campaigns.FindAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await tree.ReadAsync(id, ct)));
        // The campaign's circular and decision: drafted, on public notice, or published.
        group.MapGet("/{id}/notices", async Task<Results<Ok<IReadOnlyList<NoticeView>>, ProblemHttpResult>> (string id, CampaignQueries campaigns,
            CampaignNotices notices, CancellationToken ct) =>
            await campaigns.FindAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await notices.OfCampaignAsync(id, ct)));
        // 公示: the participants' objections to the campaign's notices, and staff's answers.
        group.MapGet("/{id}/objections", async Task<Results<Ok<IReadOnlyList<ObjectionView>>, ProblemHttpResult>> (string id,
            CampaignQueries campaigns, CampaignNotices notices, CancellationToken ct) =>
            await campaigns.FindAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await notices.ObjectionsOfCampaignAsync(id, ct)));
        group.MapPost("/{id}/objections/{objectionId}/answer", async Task<Results<Ok<ObjectionView>, ProblemHttpResult>> (string id,
            string objectionId, ObjectionAnswer body, ClaimsPrincipal user, CampaignNotices notices, CancellationToken ct) =>
            await notices.AnswerAsync(id, objectionId, body.Answer, user.Who(), ct) is { } answered
                ? TypedResults.Ok(answered)
                : Problems.NotFound(ReaderText.Of($"活动 {id} 没有这条异议", $"Campaign {id} has no such objection.")))
            .ProducesProblem(StatusCodes.Status400BadRequest).RequireAuthorization(Policies.Operate);
        group.MapGet("/{id}/timeline", async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, ProblemHttpResult>> (string id, string? instanceId,
            CampaignTimeline timeline, CancellationToken ct) =>
            await timeline.ReadAsync(id, string.IsNullOrWhiteSpace(instanceId) ? null : instanceId, cancellationToken: ct) is { } entries
                ? TypedResults.Ok(entries) : NotFound(id));
        group.MapGet("/{id}", async Task<Results<Ok<CampaignView>, ProblemHttpResult>> (string id, CampaignQueries campaigns, CancellationToken ct) =>
            await campaigns.ViewAsync(id, ct) is { } view ? TypedResults.Ok(view) : NotFound(id));
        group.MapGet("/{id}/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, [AsParameters] ParticipantQuery query,
            CampaignQueries campaigns, TimeProvider clock, CancellationToken ct) =>
        {
            if (query.Problem() is { } problem)
                return Problems.BadRequest(problem);
            if (await campaigns.FindAsync(id, ct) is not { } campaign)
                return NotFound(id);
            var participants = new List<ParticipantView>();
            for (var number = 1; ; number++)
            {
                var page = await campaigns.ParticipantsAsync(id, query.Filter, new PageRequest(number, PageRequest.MaxSize), ct);
                participants.AddRange(page.Items);
                if (participants.Count >= page.Total || page.Items.Count == 0)
                    break;
            }

            return TypedResults.File(CampaignExport.ToXlsx(campaign, participants),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{campaign.Name}-{clock.GetUtcNow():yyyyMMdd}.xlsx");
        });
        group.MapGet("/{id}/participants", async Task<Results<Ok<ListPage<ParticipantView>>, ProblemHttpResult>> (string id, [AsParameters] ParticipantQuery query,
            [AsParameters] PageRequest page, CampaignQueries campaigns, CancellationToken ct) =>
        {
            if (query.Problem() is { } problem)
                return Problems.BadRequest(problem);
            if (await campaigns.FindAsync(id, ct) is null)
                return NotFound(id);
            return TypedResults.Ok(await campaigns.ParticipantsAsync(id, query.Filter, page, ct));
        });
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound(ReaderText.Of($"活动 {id} 不存在", $"Campaign {id} does not exist."));
}
