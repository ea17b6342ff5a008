using System.Security.Claims;
using Chamber.Campaigns.Submissions;
using Chamber.Campaigns.Tasks;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Host.Tasks;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Submissions;

/// <summary>The files chambers hand in, for those who check and score them.</summary>
public static class SubmissionFileEndpoints
{
    public static void MapSubmissionFileEndpoints(this IEndpointRouteBuilder app)
    {
        // The materials behind one of the caller's tasks (a check: the submission; a review: all the chamber handed in).
        app.MapGet("/api/tasks/{id}/files", async Task<Results<Ok<IReadOnlyList<SubmissionFileView>>, ProblemHttpResult>> (string id, ClaimsPrincipal user,
            TaskFiles files, CancellationToken ct) =>
            await files.OfTaskAsync(user.ToTaskActor(), id, ct) is { } list
                ? TypedResults.Ok(list)
                : Problems.NotFound(ReaderText.Of($"任务 {id} 不存在或已处理", $"Task {id} does not exist or was already answered.")))
            .WithTags("Tasks").ProducesProblem(StatusCodes.Status403Forbidden);

        // Files the person answering a task adds to it (a sign-off's signed scan): the next to answer there sees them.
        app.MapPost("/api/tasks/{id}/files", async Task<Results<Ok<IReadOnlyList<SubmissionFileView>>, ProblemHttpResult>> (string id, HttpRequest request,
            ClaimsPrincipal user, TaskFiles files, CancellationToken ct) =>
        {
            var (form, refused) = await UploadForms.ReadAsync(request, ct);
            if (form is null)
                return refused!;
            return await files.AddAsync(user.ToTaskActor(), id, UploadForms.Uploads(form), ct) is { } list
                ? TypedResults.Ok(list)
                : Problems.NotFound(ReaderText.Of($"任务 {id} 不存在或已处理", $"Task {id} does not exist or was already answered."));
        }).WithTags("Tasks").RequireAuthorization().DisableAntiforgery().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SubmissionFiles.MaxUploadBytes));

        app.MapGet("/api/submissions/files/{id}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, ClaimsPrincipal user,
            SubmissionFiles files, TaskFiles taskFiles, IAuthorizationService authorization, FederationScope scope, HttpContext http, CancellationToken ct) =>
        {
            if (await files.FindAsync(id, ct) is not { } file)
                return Problems.NotFound(ReaderText.Of($"文件 {id} 不存在", $"File {id} does not exist."));
            // Staff and administrators read every file of the campaigns they reach; anyone else only what their own tasks are about.
            var staff = (await authorization.AuthorizeAsync(user, Policies.Operate)).Succeeded && await scope.MaySeeInstanceAsync(user, file.InstanceId, ct);
            if (!staff && !await taskFiles.MayReadAsync(user.ToTaskActor(), file, ct))
                return Problems.Forbidden(ReaderText.Of("您没有与此材料相关的任务", "You have no task this file belongs to."));
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // Always a download: an uploaded file is never rendered inside our origin.
            return TypedResults.File(file.Content, "application/octet-stream", file.FileName);
        }).WithTags("Tasks").RequireAuthorization();
    }
}
