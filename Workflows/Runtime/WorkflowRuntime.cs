using System.Text.Json;
using Chamber.Workflows.Activities.Children;
using Chamber.Workflows.Activities.Primitives;
using Chamber.Workflows.Diagnostics;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Persistence;
using Microsoft.Extensions.Logging;

namespace Chamber.Workflows.Runtime;

/// <summary>The outcome of one run slice of an instance.</summary>
public sealed record RunResult(string InstanceId, WorkflowStatus Status, IReadOnlyList<Bookmark> Bookmarks, Incident? Fault);

/// <summary>
/// Starts, resumes, cancels and retries instances: load → run → commit, one slice at a time, with
/// nothing kept in memory between slices. Conflicting commits (another resume or host got there
/// first) are retried from a fresh load, so two resumes of one bookmark never both apply.
/// </summary>
public sealed class WorkflowRuntime(
    IWorkflowInstanceStore store,
    IWorkflowGraphSource graphs,
    WorkflowRunner runner,
    InstanceLocks locks,
    IDispatchQueue dispatchQueue,
    Outbox.OutboxSignal? outboxSignal = null,
    ILogger<WorkflowRuntime>? logger = null,
    IBackgroundActivityQueue? backgroundQueue = null,
    Mediator.IPublisher? publisher = null)
{
    private const int MaxAttempts = 5;

    /// <summary>The runs under way in this process, by instance: cancelling an instance stops its run first.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    public TimeProvider Clock => runner.Clock;

    public async Task<RunResult> StartAsync(string definitionId, IReadOnlyDictionary<string, object?>? input = null, string? correlationId = null,
        CancellationToken cancellationToken = default)
    {
        var graph = await graphs.GetPublishedAsync(definitionId, cancellationToken)
            ?? throw new WorkflowNotFoundException(ReaderText.Of($"流程定义“{definitionId}”没有已发布的版本", $"Workflow definition '{definitionId}' has no published version."));
        return await StartAsync(graph, input, correlationId, null, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Starts an instance of a given version; <paramref name="instanceId"/> is for callers that must
    /// be idempotent (a scheduled start derives it from the occurrence), otherwise a new id is made.
    /// </summary>
    public async Task<RunResult> StartAsync(WorkflowGraph graph, IReadOnlyDictionary<string, object?>? input, string? correlationId,
        string? triggerActivityId, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var info = new WorkflowInstanceInfo
        {
            Id = instanceId ?? Guid.CreateVersion7().ToString("N"),
            DefinitionId = graph.Definition.DefinitionId,
            DefinitionVersionId = graph.Definition.Id,
            Version = graph.Definition.Version,
            CorrelationId = correlationId,
            TriggerActivityId = triggerActivityId,
            CreatedAt = Clock.GetUtcNow(),
        };
        using var trace = WorkflowTelemetry.Source.StartActivity("workflow start");
        trace?.SetTag("workflow.definition_id", info.DefinitionId);
        trace?.SetTag("workflow.instance_id", info.Id);
        var workflow = runner.CreateInstance(graph, info, input);
        await RunSliceAsync(workflow, cancellationToken);
        var result = await CommitAsync(workflow, null, cancellationToken);
        WorkflowTelemetry.InstancesStarted.Add(1);
        trace?.SetTag("workflow.status", result.Status.ToString());
        return result;
    }

    /// <summary>Resumes one bookmark; 404 when it does not exist, 409 when it was resumed meanwhile.</summary>
    public async Task<RunResult> ResumeAsync(string bookmarkId, object? input = null, CancellationToken cancellationToken = default)
    {
        var location = await store.FindBookmarkAsync(bookmarkId, cancellationToken)
            ?? throw new WorkflowNotFoundException(ReaderText.Of($"书签“{bookmarkId}”不存在或已被恢复", $"Bookmark '{bookmarkId}' does not exist or was already resumed."));
        return await ResumeAsync(location, input, null, cancellationToken);
    }

    /// <summary>
    /// Resumes a bookmark already located, with its instance possibly loaded already (the timer
    /// sweep loads a whole due batch at once); a stale preload only costs a retry at commit.
    /// </summary>
    public Task<RunResult> ResumeAsync(BookmarkLocation location, LoadedInstance? preloaded, CancellationToken cancellationToken = default) =>
        ResumeAsync(location, null, null, cancellationToken, preloaded);

    private async Task<RunResult> ResumeAsync(BookmarkLocation location, object? input, string? dispatchId, CancellationToken cancellationToken,
        LoadedInstance? preloaded = null)
    {
        using var trace = WorkflowTelemetry.Source.StartActivity("workflow resume");
        trace?.SetTag("workflow.instance_id", location.InstanceId);
        trace?.SetTag("workflow.bookmark_id", location.BookmarkId);
        var result = await WithInstanceAsync(location.InstanceId, dispatchId, (workflow, _) =>
        {
            var bookmark = workflow.Bookmarks.Find(b => b.Id == location.BookmarkId)
                ?? throw new WorkflowConflictException(ReaderText.Of($"书签“{location.BookmarkId}”已被恢复", $"Bookmark '{location.BookmarkId}' was already resumed."));
            WorkflowRunner.ScheduleResume(workflow, bookmark, input);
            return ValueTask.CompletedTask;
        }, cancellationToken, preloaded: preloaded);
        trace?.SetTag("workflow.status", result.Status.ToString());
        return result;
    }

    /// <summary>Publishes an event: resumes every instance waiting for it (optionally only those with the correlation id) and starts triggered workflows.</summary>
    public async Task<IReadOnlyList<RunResult>> PublishEventAsync(string eventName, string? correlationId, object? input,
        CancellationToken cancellationToken = default)
    {
        // One instance's failure must not stop the others, nor the triggers: each is attempted.
        var results = new List<RunResult>();
        foreach (var location in await store.FindBookmarksAsync(Event.BookmarkName, eventName, correlationId, cancellationToken))
        {
            try
            {
                results.Add(await ResumeAsync(location, input, null, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Typically resumed by someone else in the meantime, in which case that resume stands.
                logger?.LogWarning(e, "Event {Event} could not resume instance {Instance}.", eventName, location.InstanceId);
            }
        }

        foreach (var graph in await graphs.GetAllPublishedAsync(cancellationToken))
        {
            foreach (var trigger in graph.Activities.Values.OfType<ITrigger>())
            {
                if (trigger.GetTriggerKey() is { } key && key.Name == Event.BookmarkName && key.Key == eventName)
                {
                    var triggerInput = new Dictionary<string, object?> { ["event"] = input };
                    results.Add(await StartAsync(graph, triggerInput, correlationId, ((Activity)trigger).Id, cancellationToken: cancellationToken));
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Cancels an instance in any state but ended; its running children are cancelled too. A run of
    /// it under way in this process (a script that loops) is stopped first: it commits nothing, and
    /// the cancellation applies to the instance as it was last committed.
    /// </summary>
    public async Task<RunResult> CancelAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (_running.TryGetValue(instanceId, out var running))
            await running.CancelAsync();
        var result = await WithInstanceAsync(instanceId, null, (workflow, _) =>
        {
            if (workflow.Status.IsTerminal())
                throw new WorkflowConflictException(ReaderText.Of($"实例 {instanceId} 已经结束（{workflow.Status}）", $"Instance {instanceId} has already ended ({workflow.Status})."));
            workflow.Cancel();
            return ValueTask.CompletedTask;
        }, cancellationToken, run: false);
        foreach (var child in await store.ActiveChildrenAsync(instanceId, cancellationToken))
        {
            try
            {
                await CancelAsync(child, cancellationToken);
            }
            catch (WorkflowConflictException)
            {
                // The child ended on its own meanwhile.
            }
        }

        return result;
    }

    /// <summary>Runs a faulted instance again from the activity that faulted.</summary>
    public Task<RunResult> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WithInstanceAsync(instanceId, null, (workflow, _) =>
        {
            if (workflow.Status != WorkflowStatus.Faulted)
                throw new WorkflowConflictException(ReaderText.Of(
                    $"实例 {instanceId} 的状态是 {workflow.Status}；只有出错（Faulted）的实例才能重试", $"Instance {instanceId} is {workflow.Status}; only a Faulted instance can be retried."));
            if (!WorkflowRunner.ScheduleRetry(workflow))
                throw new WorkflowConflictException(ReaderText.Of(
                    $"实例 {instanceId} 的错误发生在组合环节收尾处理的过程中，无法重新执行",
                    $"The fault of instance {instanceId} happened inside a composite's completion handling and cannot be replayed."));
            return ValueTask.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Performs one durable dispatch (start a pending child, resume a waiting parent). A dispatch is
    /// dropped only when there is nothing left for it to do; any other failure leaves it for the next sweep.
    /// </summary>
    public async Task ProcessDispatchAsync(DispatchRecord dispatch, CancellationToken cancellationToken = default)
    {
        try
        {
            switch (dispatch.Kind)
            {
                case DispatchKind.RunInstance:
                    await WithInstanceAsync(dispatch.InstanceId, dispatch.Id, (workflow, _) =>
                    {
                        if (workflow.Status != WorkflowStatus.Pending)
                            throw new WorkflowConflictException(ReaderText.Of($"实例 {workflow.Id} 已不再处于待启动状态", $"Instance {workflow.Id} is no longer pending."));
                        runner.StartPending(workflow);
                        return ValueTask.CompletedTask;
                    }, cancellationToken);
                    break;
                case DispatchKind.CancelInstance:
                    await CancelAsync(dispatch.InstanceId, cancellationToken);
                    await store.DeleteDispatchAsync(dispatch.Id, cancellationToken);
                    break;
                case DispatchKind.RunInBackground when backgroundQueue is not null:
                    // The job queue takes it from here; a job that finds the bookmark gone does nothing.
                    await backgroundQueue.EnqueueAsync(dispatch.InstanceId, dispatch.BookmarkId!, cancellationToken);
                    await store.DeleteDispatchAsync(dispatch.Id, cancellationToken);
                    break;
                case DispatchKind.RunInBackground:
                    // No job queue (an engine on its own): the dispatcher is the background.
                    await ResumeAsync(new BookmarkLocation(dispatch.BookmarkId!, dispatch.InstanceId), null, dispatch.Id, cancellationToken);
                    break;
                case DispatchKind.ResumeBookmark:
                    object? input = dispatch.Payload is null ? null : JsonSerializer.Deserialize<JsonElement>(dispatch.Payload);
                    await ResumeAsync(new BookmarkLocation(dispatch.BookmarkId!, dispatch.InstanceId), input, dispatch.Id, cancellationToken);
                    break;
            }
        }
        catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
        {
            if (!await IsObsoleteAsync(dispatch, cancellationToken))
                throw;
            await store.DeleteDispatchAsync(dispatch.Id, cancellationToken);
        }
    }

    /// <summary>The target instance is gone, no longer pending, or no longer holds the bookmark.</summary>
    private async Task<bool> IsObsoleteAsync(DispatchRecord dispatch, CancellationToken cancellationToken)
    {
        var target = await store.LoadAsync(dispatch.InstanceId, cancellationToken);
        return dispatch.Kind switch
        {
            _ when target is null => true,
            DispatchKind.RunInstance => target.Info.Status != WorkflowStatus.Pending,
            DispatchKind.CancelInstance => target.Info.Status.IsTerminal(),
            _ => target.State.Bookmarks.All(b => b.Id != dispatch.BookmarkId),
        };
    }

    /// <summary>Processes dispatches until none is left (tests, and the dispatcher's sweep).</summary>
    public async Task<int> DrainDispatchesAsync(CancellationToken cancellationToken = default)
    {
        var processed = 0;
        while (await store.PendingDispatchesAsync(100, cancellationToken) is { Count: > 0 } batch)
        {
            foreach (var dispatch in batch)
            {
                await ProcessDispatchAsync(dispatch, cancellationToken);
                processed++;
            }
        }

        return processed;
    }

    private async Task<RunResult> WithInstanceAsync(string instanceId, string? dispatchId,
        Func<WorkflowExecutionContext, CancellationToken, ValueTask> prepare, CancellationToken cancellationToken, bool run = true,
        LoadedInstance? preloaded = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var held = await locks.AcquireAsync(instanceId, cancellationToken);
            var loaded = (attempt == 1 ? preloaded : null) ?? await store.LoadAsync(instanceId, cancellationToken)
                ?? throw new WorkflowNotFoundException(ReaderText.Of($"流程实例“{instanceId}”不存在", $"Workflow instance '{instanceId}' does not exist."));
            var graph = await graphs.GetVersionAsync(loaded.Info.DefinitionVersionId, cancellationToken)
                ?? throw new WorkflowNotFoundException(ReaderText.Of(
                    $"实例 {instanceId} 所用的流程定义版本“{loaded.Info.DefinitionVersionId}”不存在",
                    $"Definition version '{loaded.Info.DefinitionVersionId}' of instance {instanceId} does not exist."));
            var workflow = runner.Restore(graph, loaded.Info, loaded.State);
            await prepare(workflow, cancellationToken);
            if (run)
                await RunSliceAsync(workflow, cancellationToken);
            try
            {
                return await CommitAsync(workflow, dispatchId, cancellationToken);
            }
            catch (ConcurrencyConflictException e) when (attempt < MaxAttempts)
            {
                _ = e; // Someone else committed first: load again and re-decide on fresh state.
            }
            catch (ConcurrencyConflictException e)
            {
                throw new WorkflowConflictException(ReaderText.Of(
                    $"处理本次请求期间，实例 {instanceId} 一直在被修改，请重试", $"Instance {instanceId} kept changing while this request ran; try again."), e);
            }
        }
    }

    /// <summary>Runs the instance until it waits, finishes or faults, stoppable by <see cref="CancelAsync"/> meanwhile.</summary>
    private async ValueTask RunSliceAsync(WorkflowExecutionContext workflow, CancellationToken cancellationToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running[workflow.Id] = run;
        try
        {
            await runner.RunAsync(workflow, run.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WorkflowConflictException(ReaderText.Of($"实例 {workflow.Id} 在运行中被取消", $"Instance {workflow.Id} was cancelled while it ran."), e);
        }
        finally
        {
            _running.TryRemove(KeyValuePair.Create(workflow.Id, run));
        }
    }

    private async Task<RunResult> CommitAsync(WorkflowExecutionContext workflow, string? completedDispatchId, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var children = new List<PendingChild>();
        var dispatches = new List<DispatchRecord>();
        foreach (var request in workflow.ChildWorkflows)
        {
            children.Add(new PendingChild(new WorkflowInstanceInfo
            {
                Id = request.InstanceId,
                DefinitionId = request.DefinitionId,
                DefinitionVersionId = request.DefinitionVersionId,
                Version = request.Version,
                Status = WorkflowStatus.Pending,
                CorrelationId = request.CorrelationId,
                ParentInstanceId = workflow.Id,
                ParentBookmarkId = request.ParentBookmarkId,
                CreatedAt = now,
            }, new WorkflowState { Input = request.Input }));
            dispatches.Add(NewDispatch(DispatchKind.RunInstance, request.InstanceId, null, null, now));
        }

        foreach (var child in workflow.AbandonedChildInstanceIds)
            dispatches.Add(NewDispatch(DispatchKind.CancelInstance, child, null, null, now));
        foreach (var bookmarkId in workflow.BackgroundActivities)
            dispatches.Add(NewDispatch(DispatchKind.RunInBackground, workflow.Id, bookmarkId, null, now));

        var info = workflow.Instance;
        if (info.ParentBookmarkId is not null && workflow.Status.IsTerminal())
        {
            var result = new ChildWorkflowResult(info.Id, workflow.Status, workflow.Output, null, workflow.Outcomes);
            dispatches.Add(NewDispatch(DispatchKind.ResumeBookmark, info.ParentInstanceId!, info.ParentBookmarkId,
                JsonSerializer.Serialize(result, StateJson.Options), now));
        }

        var added = workflow.AddedBookmarks;
        var removed = workflow.RemovedBookmarkIds;
        var commit = new InstanceCommit(info, WorkflowRunner.Capture(workflow), added, removed,
            workflow.Journal, children, dispatches, completedDispatchId, workflow.Outbox);
        await store.CommitAsync(commit, cancellationToken);
        if (workflow.Status.IsTerminal() || workflow.Status == WorkflowStatus.Faulted)
            WorkflowTelemetry.InstancesEnded.Add(1, WorkflowTelemetry.Tag("status", workflow.Status.ToString()));
        if (publisher is not null)
            await PublishAsync(workflow, added, removed);
        foreach (var dispatch in dispatches)
            dispatchQueue.Enqueue(dispatch);
        foreach (var channel in workflow.Outbox.Select(m => m.Channel).Distinct())
            outboxSignal?.Pulse(channel);
        return new RunResult(workflow.Id, workflow.Status, workflow.Bookmarks, workflow.Fault);
    }

    // Subscribers are told after the commit; one that fails is logged and does not undo the step.
    private async Task PublishAsync(WorkflowExecutionContext workflow, IReadOnlyList<Bookmark> added, IReadOnlyList<string> removed)
    {
        var tags = added.Select(b => b.Tag).Concat(workflow.RemovedBookmarkTags(removed)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        try
        {
            await publisher!.Publish(new WorkflowInstanceCommitted(workflow.Id, workflow.Instance.DefinitionId, workflow.Status, workflow.Instance.CorrelationId, tags));
        }
        catch (Exception e)
        {
            logger?.LogWarning(e, "A subscriber to instance {InstanceId}'s step failed.", workflow.Id);
        }
    }

    private static DispatchRecord NewDispatch(DispatchKind kind, string instanceId, string? bookmarkId, string? payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"),
        Kind = kind,
        InstanceId = instanceId,
        BookmarkId = bookmarkId,
        Payload = payload,
        CreatedAt = now.UtcDateTime,
    };
}

/// <summary>Hands committed dispatches to whoever performs them (the Host's dispatcher, or nobody).</summary>
public interface IDispatchQueue
{
    void Enqueue(DispatchRecord dispatch);
}

/// <summary>For callers that drain dispatches themselves (tests, benchmarks).</summary>
public sealed class NoDispatchQueue : IDispatchQueue
{
    public void Enqueue(DispatchRecord dispatch)
    {
    }
}
