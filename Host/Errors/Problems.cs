using System.Text.Json;
using Chamber.Campaigns.Calendar;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Evidence;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Submissions;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Json;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Errors;

/// <summary>RFC 9457 problem responses with a clear message in the reader's language (see <c>ReaderText</c>).</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string detail, IReadOnlyList<string>? errors = null) => TypedResults.Problem(
        title: ReaderText.Of("请求无效", "Invalid request"),
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: ReaderText.Of("未找到", "Not found"), detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult CampaignNotFound(string id) =>
        NotFound(Chamber.Workflows.Localization.ReaderText.Of($"活动 {id} 不存在", $"Campaign {id} does not exist."));

    public static ProblemHttpResult ChamberNotFound(string id) =>
        NotFound(Chamber.Workflows.Localization.ReaderText.Of($"商会 {id} 不存在", $"Chamber {id} does not exist."));

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: ReaderText.Of("无权操作", "Forbidden"), detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: ReaderText.Of("状态冲突", "Conflict"), detail: detail, statusCode: StatusCodes.Status409Conflict);
}

/// <summary>
/// Turns the engine's and the campaign domain's exceptions into 400/403/404/409 problems, so an
/// endpoint states only its happy path; anything else stays a logged 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            DefinitionFormatException e => Problems.BadRequest(e.Message),
            DefinitionValidationException e => Problems.BadRequest(DefinitionValidationException.JoinErrors(e.Errors), e.Errors),
            WorkflowNotFoundException e => Problems.NotFound(e.Message),
            WorkflowConflictException e => Problems.Conflict(e.Message),
            BadHttpRequestException e => Problems.BadRequest(Describe(e)),
            CalendarYearMissingException e => Problems.NotFound(e.Message),
            CampaignRequestException e => Problems.BadRequest(e.Message),
            CampaignStateException e => Problems.Conflict(e.Message),
            ChamberRequestException e => Problems.BadRequest(e.Message, e.Problems),
            ChamberInUseException e => Problems.Conflict(e.Message),
            TaskAnswerException e => Problems.BadRequest(e.Message),
            TaskForbiddenException e => Problems.Forbidden(e.Message),
            EmailTemplateException e => Problems.BadRequest(e.Message, e.Problems),
            FilesRefusedException e => Problems.BadRequest(e.Message, e.Problems),
            EvidenceRefusedException e => Problems.BadRequest(e.Message),
            _ => null,
        };
        if (result is null && StorageIsFull(exception))
        {
            // A full disk is the server's condition, not the request's fault, and it passes: 503, so clients try again later.
            logger.LogCritical(exception, "Storage is full: writes are refused until space is freed.");
            result = TypedResults.Problem(title: ReaderText.Of("服务器存储空间已满，请稍后再试", "The server's storage is full; try again later."),
                statusCode: StatusCodes.Status503ServiceUnavailable);
            httpContext.Response.Headers.RetryAfter = "60";
        }

        if (result is null)
        {
            // The route's pattern, not the path: a path may hold a chamber's portal token, which a log must not.
            var route = (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            logger.LogError(exception, "Unhandled error on {Method} {Route}", httpContext.Request.Method, route);
            return false;
        }

        httpContext.Response.StatusCode = result.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = result.ProblemDetails, Exception = exception });
    }

    /// <summary>Whether the error (or one inside it) is the database or the file system saying there is no room left.</summary>
    private static bool StorageIsFull(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 } // SQLITE_FULL
                || e is Npgsql.PostgresException { SqlState: "53100" } // disk_full
                || (e is IOException && e.Message.Contains("No space left on device", StringComparison.Ordinal)))
                return true;
        }

        return false;
    }

    private static string Describe(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException json => ReaderText.Of($"请求体不是有效的 JSON", $"The request body is not valid JSON: {json.Message}"),
        { } inner => $"{e.Message} {inner.Message}",
        null => e.Message,
    };
}
