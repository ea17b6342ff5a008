using System.Security.Claims;
using System.Text.Json;
using Chamber.Campaigns.Tasks;
using Chamber.Host.Auth;
using Chamber.Host.Tasks;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Paging;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.WorkflowApi;

/// <summary>Running workflows: start, inspect, journal, resume bookmarks, publish events, cancel, retry.</summary>
public static class InstanceEndpoints
{
    public sealed record StartRequest(string? DefinitionId, Dictionary<string, JsonElement>? Input, string? CorrelationId);

    public sealed record ResumeRequest(JsonElement? Input);

    public sealed record EventRequest(string? CorrelationId, JsonElement? Input);

    public sealed record InstanceRef(string Id, WorkflowStatus Status);

    public static void MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        // A federation's staff reach the instances of their campaigns only, and start, list or signal none by hand.
        var instances = app.MapGroup("/api/workflow-instances").WithTags("Instances").AddEndpointFilter(Auth.FederationScope.InstanceFilter);
        instances.MapPost("/", StartAsync).RequireAuthorization(Policies.Operate).AddEndpointFilter(Auth.FederationScope.TopLevelOnly);
        instances.MapGet("/", ListAsync).RequireAuthorization(Policies.Oversee).AddEndpointFilter(Auth.FederationScope.TopLevelOnly);
        instances.MapGet("/{id}", GetAsync);
        instances.MapGet("/{id}/journal", async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ProblemHttpResult>> (string id, IWorkflowInstanceStore store,
            ClaimsPrincipal user, TaskInbox inbox, CancellationToken ct) =>
        {
            if (!await MayReadAsync(user, id, inbox, ct))
                return Errors.Problems.Forbidden(NotYours);
            var journal = await store.ReadJournalAsync(id, ct);
            return journal.Count == 0 && await store.LoadAsync(id, ct) is null
                ? Errors.Problems.NotFound($"Workflow instance '{id}' does not exist.")
                : TypedResults.Ok(journal);
        });
        // The instance's story in words (a campaign's participant or its own workflow), beside the journal.
        instances.MapGet("/{id}/timeline", async Task<Results<Ok<IReadOnlyList<Chamber.Campaigns.Lifecycle.TimelineEntry>>, ProblemHttpResult>> (string id,
            IWorkflowInstanceStore store, IWorkflowGraphSource graphs, Chamber.Campaigns.Lifecycle.CampaignTimeline timeline, ClaimsPrincipal user, TaskInbox inbox,
            CancellationToken ct) =>
        {
            if (!await MayReadAsync(user, id, inbox, ct))
                return Errors.Problems.Forbidden(NotYours);
            if (await store.LoadAsync(id, ct) is not { } loaded)
                return Errors.Problems.NotFound($"Workflow instance '{id}' does not exist.");
            // A campaign's workflow is told as part of its campaign; any other by itself.
            return TypedResults.Ok(loaded.Info.CorrelationId is { } campaignId && await timeline.ReadAsync(campaignId, id, cancellationToken: ct) is { } entries
                ? entries
                : await timeline.ReadInstanceAsync(loaded, await graphs.GetVersionAsync(loaded.Info.DefinitionVersionId, ct), cancellationToken: ct));
        });
        instances.MapPost("/{id}/cancel", async (string id, WorkflowRuntime runtime, CancellationToken ct) =>
            ToRef(await runtime.CancelAsync(id, ct))).RequireAuthorization(Policies.Operate);
        instances.MapPost("/{id}/retry", async (string id, WorkflowRuntime runtime, CancellationToken ct) =>
            ToRef(await runtime.RetryAsync(id, ct))).RequireAuthorization(Policies.Operate);

        app.MapPost("/api/bookmarks/{id}/resume", ResumeAsync).WithTags("Instances").RequireAuthorization(Policies.Operate)
            .AddEndpointFilter(Auth.FederationScope.TopLevelOnly);

        app.MapPost("/api/events/{eventName}", async (string eventName, EventRequest? request, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            var results = await runtime.PublishEventAsync(eventName, request?.CorrelationId, Normalize(request?.Input), ct);
            return TypedResults.Ok(new { instances = results.Select(r => new InstanceRef(r.InstanceId, r.Status)) });
        }).WithTags("Instances").RequireAuthorization(Policies.Operate).AddEndpointFilter(Auth.FederationScope.TopLevelOnly);
    }

    private static async Task<Results<Created<InstanceRef>, ProblemHttpResult>> StartAsync(StartRequest? request, WorkflowRuntime runtime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.DefinitionId))
            return Errors.Problems.BadRequest(ReaderText.Of("缺少 definitionId", "definitionId is required."));
        var input = request.Input?.ToDictionary(p => p.Key, p => Normalize(p.Value));
        var result = await runtime.StartAsync(request.DefinitionId, input, request.CorrelationId, ct);
        return TypedResults.Created($"/api/workflow-instances/{result.InstanceId}", ToRef(result));
    }

    private static string NotYours => ReaderText.Of("只能查看自己参与的流程", "You can open only the workflows you have a task in.");

    /// <summary>
    /// Who reads an instance and its journal: whoever oversees campaigns (administrators, staff,
    /// leaders), and anyone else only where they have, or had, a task (a reviewer's scoring).
    /// </summary>
    private static async Task<bool> MayReadAsync(ClaimsPrincipal user, string instanceId, TaskInbox inbox, CancellationToken ct) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Leader)
        || await inbox.TakesPartInAsync(user.ToTaskActor(), instanceId, ct);

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(string id, IWorkflowInstanceStore store, IWorkflowGraphSource graphs,
        Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowsDbContext> contexts, Chamber.Workflows.Timers.TimerSweeper timers,
        ClaimsPrincipal user, TaskInbox inbox, TaskIndex tasks, IPeopleDirectory people, CancellationToken ct)
    {
        if (!await MayReadAsync(user, id, inbox, ct))
            return Errors.Problems.Forbidden(NotYours);
        var loaded = await store.LoadAsync(id, ct);
        if (loaded is null)
            return Errors.Problems.NotFound($"Workflow instance '{id}' does not exist.");
        var graph = await graphs.GetVersionAsync(loaded.Info.DefinitionVersionId, ct);
        // A detached timer moves on in its row, not in the instance: show when it fires next.
        Dictionary<string, DateTime?> detachedDue = [];
        if (loaded.State.Bookmarks.Any(b => timers.IsDetached(b.Name)))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            detachedDue = await db.Bookmarks.Where(b => b.InstanceId == id).ToDictionaryAsync(b => b.Id, b => b.DueAt, ct);
        }

        var view = InstanceView.From(loaded, graph, b => !timers.IsDetached(b.Name) ? b.DueAt
            : detachedDue.GetValueOrDefault(b.Id) is { } due ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) : null);
        return TypedResults.Ok(view with { Waiting = await WaitingAsync(id, tasks, people, ct) });
    }

    /// <summary>Who the instance waits for, activity by activity: the flowchart names them on the node.</summary>
    private static async Task<IReadOnlyList<WaitingTask>> WaitingAsync(string instanceId, TaskIndex tasks, IPeopleDirectory people, CancellationToken ct)
    {
        var open = await tasks.OfInstanceAsync(instanceId, ct);
        if (open.Count == 0)
            return [];
        var names = await people.NamesAsync([.. open.Select(t => t.Task.Assignee)], ct);
        return [.. open.Select(t => new WaitingTask(t.ActivityId, t.Task.Kind, t.Task.Title, t.Task.Assignee,
            names.GetValueOrDefault(t.Task.Assignee) ?? t.Task.Assignee, t.Task.DueAt))];
    }

    private static async Task<Ok<ListPage<InstanceSummary>>> ListAsync(string? definitionId, WorkflowStatus? status, string? correlationId,
        [AsParameters] PageRequest page, Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Instances.AsNoTracking();
        if (!string.IsNullOrEmpty(definitionId))
            query = query.Where(i => i.DefinitionId == definitionId);
        if (status is not null)
            query = query.Where(i => i.Status == status);
        if (!string.IsNullOrEmpty(correlationId))
            query = query.Where(i => i.CorrelationId == correlationId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.Id).Skip(page.Skip).Take(page.Size)
            .Select(i => new InstanceSummary(i.Id, i.DefinitionId, i.Version, i.Status, i.CorrelationId, i.ParentInstanceId, i.IncidentCount,
                i.CreatedAt, i.UpdatedAt, i.FinishedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(page.Of(total, items));
    }

    private static async Task<Results<Ok<InstanceRef>, ProblemHttpResult>> ResumeAsync(string id, ResumeRequest? request, WorkflowRuntime runtime,
        Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowsDbContext> contexts, Chamber.Workflows.Timers.TimerSweeper timers, CancellationToken ct)
    {
        string? name;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            name = await db.Bookmarks.Where(b => b.Id == id).Select(b => b.Name).FirstOrDefaultAsync(ct);

        // A person's task is answered by that person, through /api/tasks, which checks who they are;
        // resuming it here would let an operator sign in a leader's name.
        if (name == Chamber.Campaigns.Tasks.UserTasks.BookmarkName)
        {
            return TypedResults.Problem(title: ReaderText.Of("无权操作", "Forbidden"), statusCode: StatusCodes.Status403Forbidden,
                detail: ReaderText.Of("这是个人待办，请由本人通过 /api/tasks 处理", "This is a person's task: it is answered by its assignee through /api/tasks."));
        }

        // A reminder fires from its timer row alone; resuming its instance would end the wait it belongs to.
        if (name is not null && timers.IsDetached(name))
        {
            return TypedResults.Problem(title: ReaderText.Of("不能手动触发", "Cannot be resumed"), statusCode: StatusCodes.Status409Conflict,
                detail: ReaderText.Of("这是自动提醒的定时器，到期时自动发送", "This is a reminder timer: it fires by itself when due."));
        }

        return TypedResults.Ok(ToRef(await runtime.ResumeAsync(id, Normalize(request?.Input), ct)));
    }

    private static InstanceRef ToRef(RunResult result) => new(result.InstanceId, result.Status);

    private static object? Normalize(JsonElement? value) => value is { } v ? ValueConverter.Normalize(v) : null;
}

public sealed record InstanceSummary(string Id, string DefinitionId, int Version, WorkflowStatus Status, string? CorrelationId, string? ParentInstanceId,
    int IncidentCount, DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt);


public sealed record BookmarkView(string Id, string ActivityId, string ActivityType, string Name, string? Key, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

/// <summary>An open task of an instance: who it waits for at an activity (<paramref name="AssigneeName"/> as people know them).</summary>
public sealed record WaitingTask(string ActivityId, string Kind, string Title, string Assignee, string AssigneeName, DateTimeOffset? DueAt);

public sealed record IncidentView(string ActivityId, string ActivityType, string Message, string? ExceptionType, DateTimeOffset Timestamp);

/// <summary>An instance as the API shows it: variables by name, bookmarks and incidents.</summary>
public sealed record InstanceView(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    WorkflowStatus Status,
    string? CorrelationId,
    string? ParentInstanceId,
    Dictionary<string, object?> Variables,
    Dictionary<string, object?> Input,
    Dictionary<string, object?> Output,
    IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyList<IncidentView> Incidents,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The open tasks of the instance, with who they wait for.</summary>
    public IReadOnlyList<WaitingTask> Waiting { get; init; } = [];

    /// <param name="dueAt">When a bookmark's timer fires (by default its own due time).</param>
    public static InstanceView From(LoadedInstance loaded, WorkflowGraph? graph, Func<Bookmark, DateTimeOffset?>? dueAt = null)
    {
        dueAt ??= b => b.DueAt;
        var (info, state) = (loaded.Info, loaded.State);
        var names = graph?.Variables.ToDictionary(v => v.Id, v => v.Name) ?? [];
        return new InstanceView(
            info.Id, info.DefinitionId, info.DefinitionVersionId, info.Version, info.Status, info.CorrelationId, info.ParentInstanceId,
            ByName(state.Variables, names),
            state.Input.ToDictionary(p => p.Key, p => ValueConverter.Normalize(p.Value)),
            state.Output.ToDictionary(p => p.Key, p => ValueConverter.Normalize(p.Value)),
            [.. state.Bookmarks.Select(b => new BookmarkView(b.Id, b.ActivityId, b.ActivityType, b.Name, b.Key, b.CreatedAt, dueAt(b)))],
            [.. state.Incidents.Select(i => new IncidentView(i.ActivityId, i.ActivityType, i.Message, i.ExceptionType, i.Timestamp))],
            info.CreatedAt,
            info.FinishedAt);
    }

    // Container-scoped variables may share a name; the later ones are shown by id.
    private static Dictionary<string, object?> ByName(Dictionary<string, object?> values, Dictionary<string, string> names)
    {
        var result = new Dictionary<string, object?>();
        foreach (var (id, value) in values)
        {
            if (!result.TryAdd(names.GetValueOrDefault(id, id), ValueConverter.Normalize(value)))
                result[id] = ValueConverter.Normalize(value);
        }

        return result;
    }
}
