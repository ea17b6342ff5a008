using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Meetings;
using Chamber.Campaigns.Notices;
using Chamber.Campaigns.Portal;
using Chamber.Campaigns.Submissions;
using Chamber.Host.Auth;
using Chamber.Host.Errors;
using Chamber.Host.Submissions;
using Chamber.Workflows.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Portal;

/// <summary>
/// The chamber portal behind the personal link in every e-mail: no password; the token is the
/// key, and it opens only its own chamber's open items. A forged token gets 404, an expired or
/// revoked one 403, another chamber's item 404 — and none of them changes anything.
/// </summary>
public static class PortalEndpoints
{
    public const string PortalRateLimit = "portal";

    public sealed record Submitted(string ItemId, int Files);

    /// <summary>The language the chamber wants its e-mails in.</summary>
    public sealed record MailLanguageChoice(string? Language);

    public static void MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal/{token}").WithTags("Portal").AllowAnonymous().RequireRateLimiting(PortalRateLimit);
        portal.MapGet("/", ViewAsync);
        // Anonymous: the token in the path is the credential, not an ambient cookie, so there is no
        // cross-site request to forge; the framework's form anti-forgery check is not wanted here.
        portal.MapPost("/items/{itemId}/submit", SubmitAsync).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SubmissionFiles.MaxUploadBytes));
        portal.MapPut("/mail-language", SetMailLanguageAsync).DisableAntiforgery();
        portal.MapPut("/meetings/{meetingId}/reply", ReplyAsync).DisableAntiforgery().ProducesProblem(StatusCodes.Status400BadRequest);
        portal.MapGet("/notices/{noticeId}", NoticeAsync);
        portal.MapPost("/notices/{noticeId}/objections", ObjectAsync).DisableAntiforgery().ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapPost("/api/chambers/{id}/portal-link", async Task<Results<Ok<PortalLinkView>, ProblemHttpResult>> (string id, ChamberDirectory directory, PortalLinks links, CancellationToken ct) =>
            await directory.FindAsync(id, ct) is null
                ? Problems.NotFound(ReaderText.Of($"商会 {id} 不存在", $"Chamber {id} does not exist."))
                : TypedResults.Ok(new PortalLinkView(await links.IssueLinkAsync(id, ct))))
            .WithTags("Chambers").RequireAuthorization(Policies.Operate).AddEndpointFilter(FederationScope.UnitFilter);
        app.MapPost("/api/chambers/{id}/portal-link/revoke", async Task<Results<NoContent, ProblemHttpResult>> (string id, PortalLinks links, CancellationToken ct) =>
            await links.RevokeAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound(ReaderText.Of($"商会 {id} 不存在", $"Chamber {id} does not exist.")))
            .WithTags("Chambers").RequireAuthorization(Policies.Operate).AddEndpointFilter(FederationScope.UnitFilter);
    }

    public sealed record PortalLinkView(string Link);

    private static async Task<Results<Ok<PortalView>, ProblemHttpResult>> ViewAsync(string token, PortalLinks links, ChamberPortal portal, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        return chamberId is null ? Refuse(problem) : TypedResults.Ok(await portal.ViewAsync(chamberId, ct));
    }

    /// <summary>Files and the note as multipart/form-data; refused submissions (400) and one submitted meanwhile (409) come from the problem handler.</summary>
    private static async Task<Results<Ok<Submitted>, ProblemHttpResult>> SubmitAsync(string token, string itemId, HttpRequest request, PortalLinks links,
        ChamberPortal portal, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        if (chamberId is null)
            return Refuse(problem);
        if (await portal.FindItemAsync(chamberId, itemId, ct) is not { } item)
            return Problems.NotFound(ReaderText.Of("没有这个待提交事项，或已提交", "There is no such open item (or it was already submitted)."));
        var (form, refused) = await UploadForms.ReadAsync(request, ct);
        if (form is null)
            return refused!;
        var uploads = UploadForms.Uploads(form);
        var stored = await portal.SubmitAsync(chamberId, item, form["comment"].ToString(), uploads, ct);
        return TypedResults.Ok(new Submitted(itemId, stored));
    }

    /// <summary>Whoever holds the chamber's link speaks for it: its reminders and notices are written in the language chosen here.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SetMailLanguageAsync(string token, MailLanguageChoice choice, PortalLinks links,
        ChamberDirectory directory, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        if (chamberId is null)
            return Refuse(problem);
        if (MessageLanguage.Parse(choice.Language) is not { } language)
            return Problems.BadRequest(MessageLanguage.Unknown);
        await directory.SetLanguageAsync(chamberId, language, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The chamber's 回执 for a meeting of its campaign: attending or not, and who comes.</summary>
    private static async Task<Results<Ok<PortalMeeting>, ProblemHttpResult>> ReplyAsync(string token, string meetingId, MeetingReplyRequest request,
        PortalLinks links, CampaignMeetings meetings, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        if (chamberId is null)
            return Refuse(problem);
        return await meetings.ReplyAsync(chamberId, meetingId, request, ct) is { } meeting
            ? TypedResults.Ok(meeting)
            : Problems.NotFound(ReaderText.Of("没有这次会议", "There is no such meeting for your chamber."));
    }

    /// <summary>A published circular or decision of the chamber's campaigns, as the Word document (always a download).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> NoticeAsync(string token, string noticeId, PortalLinks links,
        CampaignNotices notices, HttpContext http, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        if (chamberId is null)
            return Refuse(problem);
        if (await notices.FileForChamberAsync(chamberId, noticeId, ct) is not { } file)
            return Problems.NotFound(ReaderText.Of("没有这份公文", "There is no such notice for your chamber."));
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, NoticeDocument.ContentType, file.FileName);
    }

    /// <summary>An objection (异议) to a notice in its 公示.</summary>
    public sealed record ObjectionText(string? Text);

    private static async Task<Results<Ok<ObjectionView>, ProblemHttpResult>> ObjectAsync(string token, string noticeId, ObjectionText body, PortalLinks links,
        CampaignNotices notices, CancellationToken ct)
    {
        var (chamberId, problem) = await links.VerifyAsync(token, ct);
        if (chamberId is null)
            return Refuse(problem);
        return await notices.ObjectAsync(chamberId, noticeId, body.Text, ct) is { } objection
            ? TypedResults.Ok(objection)
            : Problems.NotFound(ReaderText.Of("没有正在公示的这份公文", "There is no such notice in its publicity period for your chamber."));
    }

    internal static ProblemHttpResult Refuse(PortalTokenProblem problem) => problem switch
    {
        PortalTokenProblem.Expired => TypedResults.Problem(title: ReaderText.Of("链接已过期", "The link has expired"), statusCode: StatusCodes.Status403Forbidden,
            detail: ReaderText.Of("请使用最新一封邮件中的链接，或联系会员部", "Use the link in the latest e-mail, or contact the member department.")),
        PortalTokenProblem.Revoked => TypedResults.Problem(title: ReaderText.Of("链接已失效", "The link was revoked"), statusCode: StatusCodes.Status403Forbidden,
            detail: ReaderText.Of("请联系会员部获取新链接", "Ask the member department for a new link.")),
        _ => Problems.NotFound(ReaderText.Of("链接无效", "This link is not valid.")),
    };
}
