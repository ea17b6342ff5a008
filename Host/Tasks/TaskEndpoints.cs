using System.Security.Claims;
using Chamber.Campaigns.Tasks;
using Chamber.Host.Errors;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Paging;
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

    public sealed record CompletedTask(string InstanceId, WorkflowStatus Status);

    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", async Task<Results<Ok<TaskView>, ProblemHttpResult>> (string id, ClaimsPrincipal user, TaskInbox inbox, CancellationToken ct) =>
            await inbox.FindAsync(user.ToTaskActor(), id, ct) is { } task
                ? TypedResults.Ok(task)
                : Problems.NotFound(ReaderText.Of($"任务 {id} 不存在或已处理", $"Task {id} does not exist or was already answered.")));
        // 400 (an answer the task does not take), 403 (not the caller's), 404/409 (answered meanwhile): the problem handler.
        group.MapPost("/{id}/complete", async Task<Ok<CompletedTask>> (string id, TaskAnswer? answer, ClaimsPrincipal user, TaskInbox inbox, CancellationToken ct) =>
        {
            var result = await inbox.CompleteAsync(user.ToTaskActor(), id, answer ?? new TaskAnswer(null, null, null, null), ct);
            return TypedResults.Ok(new CompletedTask(result.InstanceId, result.Status));
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Open tasks (待办), or with <c>status=Done</c> the tasks the caller answered (已办).</summary>
    private static async Task<Results<Ok<ListPage<TaskView>>, Ok<ListPage<TaskHistoryRecord>>>> ListAsync(TaskListStatus? status,
        [AsParameters] PageRequest page, ClaimsPrincipal user, TaskInbox inbox, CancellationToken ct) =>
        status == TaskListStatus.Done
            ? TypedResults.Ok(await inbox.ListDoneAsync(user.ToTaskActor(), page, ct))
            : TypedResults.Ok(await inbox.ListOpenAsync(user.ToTaskActor(), page, ct));
}
