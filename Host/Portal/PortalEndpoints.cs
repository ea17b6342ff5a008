using System.Text.Json;
using Chamber.Activities.Chambers;
using Chamber.Activities.Portal;
using Chamber.Activities.Submissions;
using Chamber.Activities.Tasks;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Portal;

/// <summary>
/// The chamber portal behind the personal link in every e-mail: no password; the token is the
/// key, and it opens only its own chamber's open items. A forged token gets 404, an expired or
/// revoked one 403, another chamber's item 404 — and none of them changes anything.
/// </summary>
public static class PortalEndpoints
{
    public const string PortalRateLimit = "portal";

    public sealed record PortalItem(string Id, string Title, string? Description, DateTimeOffset? DueAt, int Round, string? Feedback, string? Campaign);

    /// <param name="Now">The application's time, which deadlines are measured against (the manual clock in a rehearsal).</param>
    public sealed record PortalView(string Chamber, IReadOnlyList<PortalItem> Items, IReadOnlyList<string> AllowedFileTypes, long MaxFileBytes, int MaxFiles,
        DateTimeOffset Now);

    public sealed record Submitted(string ItemId, int Files);

    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal/{token}").WithTags("Portal").AllowAnonymous().RequireRateLimiting(PortalRateLimit);
        portal.MapGet("/", ViewAsync);
        // Anonymous: the token in the path is the credential, not an ambient cookie, so there is no
        // cross-site request to forge; the framework's form anti-forgery check is not wanted here.
        portal.MapPost("/items/{itemId}/submit", SubmitAsync).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SubmissionFiles.MaxUploadBytes));

        app.MapGet("/api/submissions/files/{id}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, SubmissionFiles files, HttpContext http, CancellationToken ct) =>
        {
            if (await files.FindAsync(id, ct) is not { } file)
                return Problems.NotFound($"文件 {id} 不存在 / File {id} does not exist.");
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // Always a download: an uploaded file is never rendered inside our origin.
            return TypedResults.File(file.Content, "application/octet-stream", file.FileName);
        }).WithTags("Portal").RequireAuthorization(Policies.Operate);

        app.MapPost("/api/chambers/{id}/portal-link", async Task<Results<Ok<PortalLinkView>, ProblemHttpResult>> (string id, ChamberDirectory directory, PortalLinks links, CancellationToken ct) =>
            await directory.FindAsync(id, ct) is null
                ? Problems.NotFound($"商会 {id} 不存在 / Chamber {id} does not exist.")
                : TypedResults.Ok(new PortalLinkView(await links.IssueLinkAsync(id, ct))))
            .WithTags("Chambers").RequireAuthorization(Policies.Operate);
        app.MapPost("/api/chambers/{id}/portal-link/revoke", async Task<Results<NoContent, ProblemHttpResult>> (string id, PortalLinks links, CancellationToken ct) =>
            await links.RevokeAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound($"商会 {id} 不存在 / Chamber {id} does not exist."))
            .WithTags("Chambers").RequireAuthorization(Policies.Operate);
    }

    public sealed record PortalLinkView(string Link);

    private static async Task<Results<Ok<PortalView>, ProblemHttpResult>> ViewAsync(string token, PortalLinks links, ChamberDirectory directory,
        IDbContextFactory<WorkflowsDbContext> workflows, TimeProvider clock, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        if (chamberId is null)
            return Refuse(problem);
        var chamber = await directory.FindAsync(chamberId, ct);
        var items = await OpenItemsAsync(workflows, chamberId, null, ct);
        return TypedResults.Ok(new PortalView(chamber?.Name ?? "", [.. items.Select(i => i.Item)], [.. SubmissionFiles.AllowedTypes.Keys],
            SubmissionFiles.MaxFileBytes, SubmissionFiles.MaxFiles, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<Submitted>, ProblemHttpResult>> SubmitAsync(string token, string itemId, HttpRequest request, PortalLinks links,
        SubmissionFiles files, WorkflowRuntime runtime, IDbContextFactory<WorkflowsDbContext> workflows, TimeProvider clock, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        if (chamberId is null)
            return Refuse(problem);
        var item = (await OpenItemsAsync(workflows, chamberId, itemId, ct)).SingleOrDefault();
        if (item is null)
            return Problems.NotFound("没有这个待提交事项，或已提交 / There is no such open item (or it was already submitted).");
        if (!request.HasFormContentType)
            return Problems.BadRequest("请以 multipart/form-data 上传（字段 files 与 comment）/ Send multipart/form-data with 'files' and 'comment'.");
        if (request.ContentLength > SubmissionFiles.MaxUploadBytes)
            return Problems.BadRequest($"一次上传不超过 {SubmissionFiles.MaxUploadBytes / (1024 * 1024)} MB / At most {SubmissionFiles.MaxUploadBytes / (1024 * 1024)} MB per submission.");

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            return Problems.BadRequest("上传内容格式错误 / The upload is not valid multipart/form-data: " + e.Message);
        }

        var comment = form["comment"].ToString().Trim();
        if (form.Files.Count == 0 && comment.Length == 0)
            return Problems.BadRequest("请至少上传一个文件或填写说明 / Upload at least one file or write a note.");
        if (form.Files.Count > SubmissionFiles.MaxFiles)
            return Problems.BadRequest($"一次最多上传 {SubmissionFiles.MaxFiles} 个文件 / At most {SubmissionFiles.MaxFiles} files.");
        if (comment.Length > 4000)
            return Problems.BadRequest("说明不超过 4000 字 / The note has at most 4,000 characters.");

        // Every file is checked before any is stored: a refused file stores nothing.
        var contents = new List<(string Name, byte[] Bytes)>();
        var problems = new List<string>();
        foreach (var file in form.Files)
        {
            if (file.Length > SubmissionFiles.MaxFileBytes)
            {
                problems.Add(SubmissionFiles.Problem(file.FileName, file.Length, [])!);
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (SubmissionFiles.Problem(file.FileName, bytes.LongLength, bytes.AsSpan(0, Math.Min(8, bytes.Length))) is { } refused)
                problems.Add(refused);
            contents.Add((file.FileName, bytes));
        }

        if (problems.Count > 0)
            return Problems.BadRequest(string.Join(" ", problems), problems);

        var stored = new List<SubmittedFile>();
        foreach (var (name, bytes) in contents)
            stored.Add(await files.SaveAsync(chamberId, item.InstanceId, itemId, name, bytes, ct));
        var submission = new Submission(itemId, stored, comment.Length > 0 ? comment : null, clock.GetUtcNow());
        try
        {
            await runtime.ResumeAsync(item.BookmarkId, JsonSerializer.SerializeToElement(submission, JsonSerializerOptions.Web), ct);
        }
        catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
        {
            return Problems.Conflict("此事项刚刚已提交 / This item was just submitted.");
        }

        return TypedResults.Ok(new Submitted(itemId, stored.Count));
    }

    private sealed record OpenItem(PortalItem Item, string BookmarkId, string InstanceId);

    private static async Task<IReadOnlyList<OpenItem>> OpenItemsAsync(IDbContextFactory<WorkflowsDbContext> workflows, string chamberId, string? itemId, CancellationToken ct)
    {
        var tag = UserTasks.ChamberTag(chamberId);
        await using var db = await workflows.CreateDbContextAsync(ct);
        var query = db.Bookmarks.AsNoTracking().Where(b => b.Name == UserTasks.BookmarkName && b.Tag == tag);
        if (itemId is not null)
            query = query.Where(b => b.Key == itemId);
        var rows = await query.OrderBy(b => b.CreatedAt).Take(200).ToListAsync(ct);
        return [.. rows.Select(b =>
        {
            var task = TaskPayload.FromJson(b.Payload);
            var context = task.Context ?? new Dictionary<string, string>();
            return new OpenItem(new PortalItem(b.Key!, task.Title, task.Description, task.DueAt, task.Round,
                context.GetValueOrDefault("feedback") is { Length: > 0 } feedback ? feedback : null, context.GetValueOrDefault("campaign")), b.Id, b.InstanceId);
        })];
    }

    private static ProblemHttpResult Refuse(PortalTokenProblem problem) => problem switch
    {
        PortalTokenProblem.Expired => TypedResults.Problem(title: "链接已过期 / The link has expired", statusCode: StatusCodes.Status403Forbidden,
            detail: "请使用最新一封邮件中的链接，或联系会员部 / Use the link in the latest e-mail, or contact the member department."),
        PortalTokenProblem.Revoked => TypedResults.Problem(title: "链接已失效 / The link was revoked", statusCode: StatusCodes.Status403Forbidden,
            detail: "请联系会员部获取新链接 / Ask the member department for a new link."),
        _ => Problems.NotFound("链接无效 / This link is not valid."),
    };
}
