using System.Security.Claims;
using Chamber.Campaigns.Evidence;
using Chamber.Campaigns.Portal;
using Chamber.Campaigns.Submissions;
using Chamber.Campaigns.Tasks;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Host.Portal;
using Chamber.Host.Submissions;
using Chamber.Host.Tasks;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Evidence;

/// <summary>
/// Evidence per standard: the chamber documents each standard on its portal (its link is its
/// credential, as for submissions), the reviewer reads it beside the item being scored, staff
/// read any participant's to see what is missing before the review.
/// </summary>
public static class EvidenceEndpoints
{
    public sealed record EvidenceNote(string? Note);

    public static void MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal/{token}/evidence").WithTags("Portal").AllowAnonymous()
            .RequireRateLimiting(PortalEndpoints.PortalRateLimit).DisableAntiforgery();
        portal.MapGet("/", (string token, PortalLinks links, RubricEvidence evidence, CancellationToken ct) =>
            AsChamberAsync<IReadOnlyList<EvidenceSheet>>(token, links, async chamberId => TypedResults.Ok(await evidence.OfChamberAsync(chamberId, ct)), ct));
        portal.MapPut("/{instanceId}/{itemId}/note", (string token, string instanceId, string itemId, EvidenceNote body, PortalLinks links,
            RubricEvidence evidence, CancellationToken ct) =>
            AsChamberAsync(token, links, async chamberId => Sheet(await evidence.SaveNoteAsync(chamberId, instanceId, itemId, body.Note, ct)), ct))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        portal.MapPost("/{instanceId}/{itemId}/files", (string token, string instanceId, string itemId, HttpRequest request, PortalLinks links,
            RubricEvidence evidence, CancellationToken ct) =>
            AsChamberAsync(token, links, async chamberId =>
            {
                var (form, refused) = await UploadForms.ReadAsync(request, ct);
                return form is null ? refused! : Sheet(await evidence.AddFilesAsync(chamberId, instanceId, itemId, UploadForms.Uploads(form), ct));
            }, ct))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SubmissionFiles.MaxUploadBytes));
        portal.MapDelete("/{instanceId}/files/{fileId}", (string token, string instanceId, string fileId, PortalLinks links, RubricEvidence evidence,
            CancellationToken ct) =>
            AsChamberAsync(token, links, async chamberId => Sheet(await evidence.DeleteFileAsync(chamberId, instanceId, fileId, ct)), ct))
            .ProducesProblem(StatusCodes.Status409Conflict);

        // The reviewer, beside the items of the task being scored.
        app.MapGet("/api/tasks/{id}/evidence", async Task<Results<Ok<EvidenceSheet>, ProblemHttpResult>> (string id, ClaimsPrincipal user, TaskInbox inbox,
            RubricEvidence evidence, CancellationToken ct) =>
            await inbox.FindAsync(user.ToTaskActor(), id, ct) is { } task && await evidence.OfInstanceAsync(task.InstanceId, ct) is { } sheet
                ? TypedResults.Ok(sheet)
                : Problems.NotFound(ReaderText.Of($"任务 {id} 没有考核材料", $"Task {id} has no evidence to show.")))
            .WithTags("Tasks").RequireAuthorization().ProducesProblem(StatusCodes.Status403Forbidden);

        // Staff and leaders, for any participant (what is missing before the review).
        app.MapGet("/api/workflow-instances/{id}/evidence", async Task<Results<Ok<EvidenceSheet>, ProblemHttpResult>> (string id, RubricEvidence evidence,
            CancellationToken ct) =>
            await evidence.OfInstanceAsync(id, ct) is { } sheet
                ? TypedResults.Ok(sheet)
                : Problems.NotFound(ReaderText.Of($"流程实例 {id} 不是活动的参与单位，或其活动没有考核细则", $"Instance {id} is no campaign participant, or its campaign has no rubric.")))
            .WithTags("Campaigns").RequireAuthorization(Policies.Oversee).AddEndpointFilter(FederationScope.InstanceFilter);
    }

    /// <summary>What the chamber behind a portal link may do; the link refused as the portal refuses it (expired 403, forged 404).</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> AsChamberAsync<T>(string token, PortalLinks links,
        Func<string, Task<Results<Ok<T>, ProblemHttpResult>>> act, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        return chamberId is null ? PortalEndpoints.Refuse(problem) : await act(chamberId);
    }

    private static Results<Ok<EvidenceSheet>, ProblemHttpResult> Sheet(EvidenceSheet? sheet) =>
        sheet is null
            ? Problems.NotFound(ReaderText.Of("没有这项考核标准，或它不属于贵会正在参加的活动", "There is no such standard in a campaign your chamber takes part in."))
            : TypedResults.Ok(sheet);
}
