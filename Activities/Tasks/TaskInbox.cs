using System.Text.Json;
using Chamber.Campaigns.Persistence;
using Chamber.Campaigns.Submissions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Paging;
using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Tasks;

/// <summary>
/// The inbox: open tasks are bookmarks tagged with an assignee (read from the bookmark index, never
/// from instances); answering one resumes its workflow with the decision, after checking that the
/// task is the caller's and the action is one the task offers.
/// </summary>
public sealed class TaskInbox(
    TaskIndex index,
    IDbContextFactory<CampaignDbContext> campaigns,
    WorkflowRuntime runtime,
    Reviews.RubricCatalog rubrics,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ListPage<TaskView>> ListOpenAsync(TaskActor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        var (total, rows) = await index.AssignedAsync(actor.Tags, await RoleScopeAsync(actor, cancellationToken), page.Skip, page.Size, cancellationToken);
        return page.Of(total, [.. rows.Select(r => TaskView.Of(r.Task, r.DefinitionId))]);
    }

    public async Task<ListPage<TaskHistoryRecord>> ListDoneAsync(TaskActor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        var query = db.TaskHistory.AsNoTracking().Where(h => h.Actor == actor.Email);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(h => h.CompletedAt).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return page.Of(total, items);
    }

    /// <summary>Whose role tasks the person holds: of their federation's campaigns, or (the top level) of all campaigns but the federations'.</summary>
    public async Task<RoleScope> RoleScopeAsync(TaskActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return actor.FederationId is { } federation
            ? new RoleScope(true, await db.Campaigns.Where(c => c.FederationId == federation).Select(c => c.Id).ToListAsync(cancellationToken))
            : new RoleScope(false, await db.Campaigns.Where(c => c.FederationId != null).Select(c => c.Id).ToListAsync(cancellationToken));
    }

    /// <summary>An open task of the caller's; null when there is none with this id (answered already, or never existed).</summary>
    /// <summary>
    /// Whether the person has a task in the instance, or answered one: what lets someone who does not
    /// oversee campaigns (a reviewer) open the instance their task belongs to, and no other.
    /// </summary>
    public async Task<bool> TakesPartInAsync(TaskActor actor, string instanceId, CancellationToken cancellationToken = default)
    {
        var open = (await index.OfInstanceAsync(instanceId, cancellationToken)).Where(t => t.Tag is { } tag && actor.Tags.Contains(tag)).ToList();
        if (open.Any(t => !UserTasks.IsRoleTag(t.Tag!)))
            return true;
        if (open.Count > 0 && (await RoleScopeAsync(actor, cancellationToken)).Covers(await index.CampaignOfAsync(open[0].Id, cancellationToken)))
            return true;
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        return await db.TaskHistory.AnyAsync(h => h.InstanceId == instanceId && h.Actor == actor.Email, cancellationToken);
    }

    public async Task<TaskView?> FindAsync(TaskActor actor, string taskId, CancellationToken cancellationToken = default)
    {
        if (await index.FindAsync(taskId, cancellationToken) is not var (task, definitionId))
            return null;
        if (!actor.Tags.Contains(task.Tag) || UserTasks.IsRoleTag(task.Tag!)
            && !(await RoleScopeAsync(actor, cancellationToken)).Covers(await index.CampaignOfAsync(taskId, cancellationToken)))
            throw new TaskForbiddenException(ReaderText.Of($"任务 {taskId} 不是您的", $"Task {taskId} is not yours."));
        return TaskView.Of(task, definitionId);
    }

    /// <summary>Answers a task; 404 when it is gone, 403 when it is not the caller's, 400 when the answer is incomplete.</summary>
    public async Task<RunResult> CompleteAsync(TaskActor actor, string taskId, TaskAnswer answer, CancellationToken cancellationToken = default)
    {
        var task = await FindAsync(actor, taskId, cancellationToken)
            ?? throw new WorkflowNotFoundException(ReaderText.Of($"任务 {taskId} 不存在或已处理", $"Task {taskId} does not exist or was already answered."));
        var action = answer.Action?.Trim() ?? "";
        if (!task.Task.Actions.Contains(action))
            throw new TaskAnswerException(ReaderText.Of($"此任务不能“{action}”，可选：{string.Join(", ", task.Task.Actions)}", $"This task offers: {string.Join(", ", task.Task.Actions)}."));
        if (action is TaskActions.Reject or TaskActions.Return && string.IsNullOrWhiteSpace(answer.Comment))
            throw new TaskAnswerException(ReaderText.Of("驳回或退回须填写意见", "A rejection or return needs a comment."));
        if (action == TaskActions.Recorded && string.IsNullOrWhiteSpace(answer.Comment))
            throw new TaskAnswerException(ReaderText.Of("请填写会议纪要", "Write the minutes."));
        var target = action switch
        {
            TaskActions.Transfer => answer.TransferTo,
            TaskActions.AddSigner => answer.AddSigner,
            _ => null,
        };
        if (action is TaskActions.Transfer or TaskActions.AddSigner && (target is null || UserTasks.AssigneeTag(target) is not { } tag || !tag.StartsWith("user:", StringComparison.Ordinal)))
            throw new TaskAnswerException(ReaderText.Of("请填写转交或加签对象的邮箱", "Name the person (e-mail address) to transfer to or add."));
        if (action == TaskActions.Transfer && UserTasks.AssigneeTag(target!) == "user:" + actor.Email.ToLowerInvariant())
            throw new TaskAnswerException(ReaderText.Of("不能转交给自己", "A task cannot be transferred to oneself."));

        if (action == TaskActions.Score && task.Task.Context?.GetValueOrDefault("rubric") is { } rubricId
            && (await rubrics.GetAsync(rubricId, int.TryParse(task.Task.Context.GetValueOrDefault("rubricVersion"), out var version) && version > 0 ? version : null,
                cancellationToken)).Problems(answer.Scores, answer.Vetoes) is { Count: > 0 } scoreProblems)
            throw new TaskAnswerException(string.Join(" ", scoreProblems));

        var comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim();
        if (comment is { Length: > 2000 })
            throw new TaskAnswerException(ReaderText.Of("意见不超过 2000 字", "A comment has at most 2,000 characters."));
        var decision = new TaskDecision(taskId, action, actor.Email, actor.DisplayName, comment,
            action == TaskActions.Transfer ? target : null, action == TaskActions.AddSigner ? target : null,
            action == TaskActions.Score ? answer.Scores : null, action == TaskActions.Score ? answer.Vetoes : null);

        var bookmarkId = await index.BookmarkIdAsync(taskId, cancellationToken)
            ?? throw new WorkflowNotFoundException(ReaderText.Of($"任务 {taskId} 已被处理", $"Task {taskId} was just answered."));

        var result = await runtime.ResumeAsync(bookmarkId, JsonSerializer.SerializeToElement(decision, Json), cancellationToken);
        await RecordAsync(task, actor, action, comment, cancellationToken);
        return result;
    }

    private async Task RecordAsync(TaskView task, TaskActor actor, string action, string? comment, CancellationToken cancellationToken)
    {
        await using var db = await campaigns.CreateDbContextAsync(cancellationToken);
        db.TaskHistory.Add(new TaskHistoryRecord
        {
            TaskId = task.Id,
            InstanceId = task.InstanceId,
            ActivityId = task.ActivityId,
            Kind = task.Task.Kind,
            Title = task.Task.Title,
            Assignee = task.Task.Assignee,
            Actor = actor.Email,
            Action = action,
            Comment = comment,
            CreatedAt = task.CreatedAt.UtcDateTime,
            CompletedAt = clock.GetUtcNow().UtcDateTime,
        });
        // Checking a submission settles the chamber's receipt of it: accepted, or returned with the comment.
        if (task.Task.Kind == TaskKinds.CheckSubmission && task.Task.Context?.GetValueOrDefault("submissionTask") is { } item
            && await db.SubmissionReceipts.FindAsync([item], cancellationToken) is { } receipt)
        {
            receipt.Status = action == TaskActions.Accept ? SubmissionStatus.Accepted : SubmissionStatus.Returned;
            receipt.Feedback = action == TaskActions.Return ? comment : null;
            receipt.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
