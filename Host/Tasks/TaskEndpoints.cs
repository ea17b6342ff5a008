using System.Security.Claims;
using Chamber.Activities.Tasks;
using Chamber.Host.Errors;
using Chamber.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chamber.Host.Tasks;

/// <summary>The signed-in person's inbox (我的待办 / 已办) and answering a task. Everyone signed in has one; each sees only their own.</summary>
public static class TaskEndpoints
{
    public enum TaskListStatus
    {
        Open,
        Done,
    }

    public sealed record TaskPage<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

    public sealed record CompletedTask(string InstanceId, WorkflowStatus Status);

    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", async Task<Results<Ok<TaskView>, ProblemHttpResult>> (string id, ClaimsPrincipal user, TaskInbox inbox, CancellationToken ct) =>
        {
            try
            {
                return await inbox.FindAsync(Actor(user), id, ct) is { } task
                    ? TypedResults.Ok(task)
                    : Problems.NotFound($"任务 {id} 不存在或已处理 / Task {id} does not exist or was already answered.");
            }
            catch (TaskForbiddenException e)
            {
                return Forbidden(e.Message);
            }
        });
        group.MapPost("/{id}/complete", async Task<Results<Ok<CompletedTask>, ProblemHttpResult>> (string id, TaskAnswer? answer, ClaimsPrincipal user,
            TaskInbox inbox, CancellationToken ct) =>
        {
            try
            {
                var result = await inbox.CompleteAsync(Actor(user), id, answer ?? new TaskAnswer(null, null, null, null), ct);
                return TypedResults.Ok(new CompletedTask(result.InstanceId, result.Status));
            }
            catch (TaskForbiddenException e)
            {
                return Forbidden(e.Message);
            }
            catch (TaskAnswerException e)
            {
                return Problems.BadRequest(e.Message);
            }
        });
    }

    private static async Task<IResult> ListAsync(TaskListStatus? status, int? page, int? pageSize, ClaimsPrincipal user, TaskInbox inbox, CancellationToken ct)
    {
        var number = Math.Clamp(page ?? 1, 1, 1_000_000);
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        if (status == TaskListStatus.Done)
        {
            var (total, items) = await inbox.ListDoneAsync(Actor(user), number, size, ct);
            return TypedResults.Ok(new TaskPage<TaskHistoryRecord>(total, number, size, items));
        }

        var (openTotal, open) = await inbox.ListOpenAsync(Actor(user), number, size, ct);
        return TypedResults.Ok(new TaskPage<TaskView>(openTotal, number, size, open));
    }

    private static TaskActor Actor(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.Email) ?? throw new InvalidOperationException("A signed-in user without an e-mail claim."),
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "无权操作 / Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);
}
