using System.Globalization;
using System.Text.Json;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Runtime;

/// <summary>
/// The interpreter: runs an instance's scheduled work until nothing is left to do (it finished,
/// faulted, or waits on bookmarks). Pure in-memory work; loading and committing are the runtime's.
/// </summary>
public sealed class WorkflowRunner(IServiceProvider services, TimeProvider clock, WorkflowRunnerOptions? options = null)
{
    private readonly int _maxSteps = (options ?? new WorkflowRunnerOptions()).MaxStepsPerSlice;

    public TimeProvider Clock => clock;

    /// <summary>A new instance with its root scheduled; variables start at their initial values.</summary>
    public WorkflowExecutionContext CreateInstance(WorkflowGraph graph, WorkflowInstanceInfo info, IReadOnlyDictionary<string, object?>? input)
    {
        var variables = new object?[graph.Variables.Count];
        for (var i = 0; i < variables.Length; i++)
            variables[i] = ValueConverter.Convert(graph.Variables[i].Value, graph.VariableTypes[i]);
        var workflow = new WorkflowExecutionContext(graph, info, services, clock, variables,
            input is null ? [] : new Dictionary<string, object?>(input), [], [], [], 0);
        workflow.Status = WorkflowStatus.Running;
        workflow.TriggerPending = info.TriggerActivityId is not null;
        workflow.AddJournal(null, JournalEvents.WorkflowStarted);
        workflow.Schedule(new WorkItem(WorkItemKind.Execute, graph.Definition.Root.Id, null, null));
        return workflow;
    }

    /// <summary>Starts an instance that was created Pending (a child workflow) and has just been loaded.</summary>
    public void StartPending(WorkflowExecutionContext workflow)
    {
        workflow.Status = WorkflowStatus.Running;
        workflow.AddJournal(null, JournalEvents.WorkflowStarted);
        workflow.Schedule(new WorkItem(WorkItemKind.Execute, workflow.Graph.Definition.Root.Id, null, null));
    }

    public WorkflowExecutionContext Restore(WorkflowGraph graph, WorkflowInstanceInfo info, WorkflowState state)
    {
        var variables = new object?[graph.Variables.Count];
        for (var i = 0; i < variables.Length; i++)
        {
            var variable = graph.Variables[i];
            variables[i] = state.Variables.TryGetValue(variable.Id, out var value)
                ? value
                : ValueConverter.Convert(variable.Value, graph.VariableTypes[i]);
        }

        var workflow = new WorkflowExecutionContext(graph, info, services, clock, variables, Normalize(state.Input),
            Normalize(state.Output), state.Bookmarks, state.Incidents, state.NextContextId);
        foreach (var saved in state.Contexts.OrderBy(c => int.Parse(c.Id.AsSpan(1), CultureInfo.InvariantCulture)))
        {
            var activity = graph.Activities.GetValueOrDefault(saved.ActivityId)
                ?? throw new InvalidOperationException($"Saved state refers to activity '{saved.ActivityId}', which version {info.Version} does not contain.");
            var parent = saved.ParentId is null ? null : workflow.Contexts[saved.ParentId];
            var context = new ActivityExecutionContext(saved.Id, activity, parent, saved.Callback, workflow)
            {
                Status = saved.Status,
                PendingChildren = saved.Pending,
                Tag = saved.Tag,
            };
            if (saved.Properties is not null)
                context.Properties = saved.Properties;
            workflow.Contexts.Add(context.Id, context);
            parent?.Children.Add(context);
        }

        foreach (var item in state.Queue)
            workflow.Schedule(item);
        workflow.TriggerPending = state.TriggerPending;
        return workflow;
    }

    public static WorkflowState Capture(WorkflowExecutionContext workflow)
    {
        var state = new WorkflowState
        {
            Input = new Dictionary<string, object?>(workflow.Input),
            Output = workflow.Output,
            Bookmarks = workflow.Bookmarks,
            Incidents = workflow.Incidents,
            NextContextId = workflow.NextContextId,
            Queue = [.. workflow.Queue],
            TriggerPending = workflow.TriggerPending,
        };
        var values = workflow.VariableValues;
        for (var i = 0; i < values.Length; i++)
            state.Variables[workflow.Graph.Variables[i].Id] = values[i];
        foreach (var context in workflow.Contexts.Values)
        {
            state.Contexts.Add(new ContextState(context.Id, context.Activity.Id, context.Parent?.Id, context.CompletionCallback,
                context.Status, context.PendingChildren, context.Tag, context.HasProperties ? context.Properties : null));
        }

        return state;
    }

    /// <summary>Schedules the resumption of a bookmark; the caller then runs the instance.</summary>
    public static void ScheduleResume(WorkflowExecutionContext workflow, Bookmark bookmark, object? input)
    {
        workflow.Bookmarks.RemoveAll(b => b.Id == bookmark.Id);
        workflow.MarkResumed(bookmark.Id);
        var inputElement = input is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(input, StateJson.Options);
        workflow.Schedule(new WorkItem(WorkItemKind.Resume, bookmark.ActivityId, null, bookmark.Callback, bookmark.ContextId, inputElement));
        workflow.AddJournal(null, JournalEvents.WorkflowResumed, bookmark.Name);
        // A faulted instance keeps the resume queued behind its fault; retry runs both in order.
        if (workflow.Status != WorkflowStatus.Faulted)
            workflow.Status = WorkflowStatus.Running;
    }

    /// <summary>Prepares a faulted instance to run its faulted work again; false when the fault cannot be replayed.</summary>
    public static bool ScheduleRetry(WorkflowExecutionContext workflow)
    {
        var incidents = workflow.Incidents.Where(i => i.WorkItem is not null).ToList();
        if (workflow.Status != WorkflowStatus.Faulted || incidents.Count == 0)
            return false;
        foreach (var incident in incidents)
        {
            if (workflow.Contexts.TryGetValue(incident.ContextId, out var faulted))
            {
                if (incident.WorkItem!.Kind == WorkItemKind.Execute && faulted.Activity.Id == incident.WorkItem.ActivityId)
                {
                    // The execute item creates a fresh context; the faulted one is dropped with its bookmarks
                    // (its parent's pending count already covers the item).
                    faulted.CancelChildren();
                    workflow.RemoveBookmarksOf(faulted);
                    workflow.Contexts.Remove(faulted.Id);
                    faulted.Parent?.Children.Remove(faulted);
                }
                else
                {
                    faulted.Status = ActivityStatus.Running;
                }
            }

            workflow.Schedule(incident.WorkItem!, first: true);
            workflow.Incidents.Remove(incident);
        }

        workflow.Status = WorkflowStatus.Running;
        workflow.AddJournal(null, JournalEvents.WorkflowRetried);
        return true;
    }

    /// <summary>Runs scheduled work until the instance finishes, faults or waits.</summary>
    public async ValueTask RunAsync(WorkflowExecutionContext workflow, CancellationToken cancellationToken = default)
    {
        if (workflow.Status != WorkflowStatus.Running)
            return;
        workflow.CancellationToken = cancellationToken;
        var steps = 0;
        while (workflow.Status == WorkflowStatus.Running && workflow.Queue.First is { } node)
        {
            workflow.Queue.RemoveFirst();
            if (++steps > _maxSteps)
            {
                var runaway = workflow.Graph.Activities[node.Value.ActivityId];
                RecordFault(workflow, runaway, "", node.Value,
                    new InvalidOperationException(ReaderText.Of(
                        $"流程连续运行了 {_maxSteps:N0} 步而没有等待，看起来陷入了一个没有出口的循环",
                        $"The workflow ran {_maxSteps:N0} steps without waiting; it looks like a loop with no way out.")));
                break;
            }

            if ((steps & 1023) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            await ExecuteAsync(workflow, node.Value);
        }

        if (workflow.Status == WorkflowStatus.Running)
            workflow.Status = workflow.Contexts.Count == 0 ? WorkflowStatus.Finished : WorkflowStatus.Suspended;

        switch (workflow.Status)
        {
            case WorkflowStatus.Finished:
                workflow.Instance.FinishedAt = clock.GetUtcNow();
                workflow.AddJournal(null, JournalEvents.WorkflowFinished);
                break;
            case WorkflowStatus.Suspended:
                workflow.AddJournal(null, JournalEvents.WorkflowSuspended);
                break;
            case WorkflowStatus.Faulted:
                workflow.AddJournal(null, JournalEvents.WorkflowFaulted, workflow.Fault?.Message);
                break;
        }
    }

    private static async ValueTask ExecuteAsync(WorkflowExecutionContext workflow, WorkItem item)
    {
        ActivityExecutionContext? context = null;
        try
        {
            if (item.Kind == WorkItemKind.Execute)
            {
                ActivityExecutionContext? owner = null;
                if (item.OwnerContextId is not null && !workflow.Contexts.TryGetValue(item.OwnerContextId, out owner))
                    return; // The owner was cancelled after this was scheduled.
                var activity = workflow.Graph.Activities[item.ActivityId];
                context = new ActivityExecutionContext(workflow.NewContextId(), activity, owner, item.Callback, workflow) { Tag = item.Tag };
                workflow.Contexts.Add(context.Id, context);
                owner?.Children.Add(context);
                if (item.Variables is not null)
                {
                    foreach (var (name, value) in item.Variables)
                        workflow.SetVariable(name, value);
                }

                workflow.AddJournal(context, JournalEvents.Started);
                if (activity.RunAsynchronously)
                {
                    // Elsa's runAsynchronously: the work waits on a bookmark that a background job
                    // resumes (its inputs are evaluated then); the commit asks for the job.
                    var bookmark = context.CreateBookmark(BackgroundActivity.BookmarkName, context.Id, callback: activity.ExecuteInBackgroundAsync);
                    workflow.BackgroundActivities.Add(bookmark.Id);
                    return;
                }

                await context.EvaluateInputsAsync();
                await activity.ExecuteAsync(context);
            }
            else
            {
                if (item.ContextId is null || !workflow.Contexts.TryGetValue(item.ContextId, out context))
                    return;
                context.ResumeInput = item.Input;
                workflow.AddJournal(context, JournalEvents.Resumed);
                if (item.Callback is null)
                    await context.CompleteActivityAsync();
                else
                    await context.Activity.ResolveCallback<ExecuteActivityDelegate>(item.Callback)(context);
            }
        }
        catch (ActivityFaultException e)
        {
            e.Context.Status = ActivityStatus.Faulted;
            RecordFault(workflow, e.Context.Activity, e.Context.Id, null, e.InnerException!);
        }
        catch (Exception e) when (context is not null && !(e is OperationCanceledException && workflow.CancellationToken.IsCancellationRequested))
        {
            context.Status = ActivityStatus.Faulted;
            RecordFault(workflow, context.Activity, context.Id, item, e);
        }
    }

    private static void RecordFault(WorkflowExecutionContext workflow, Activity activity, string contextId, WorkItem? item, Exception exception)
    {
        var incident = new Incident(activity.Id, activity.Type, contextId, exception.Message, exception.GetType().Name,
            workflow.Clock.GetUtcNow(), item);
        workflow.Incidents.Add(incident);
        workflow.Fault = incident;
        workflow.Status = WorkflowStatus.Faulted;
        workflow.Journal.Add(new JournalEntry(incident.Timestamp, activity.Id, activity.Type, JournalEvents.Faulted, exception.Message));
    }

    private static Dictionary<string, object?> Normalize(Dictionary<string, object?> values) =>
        values.ToDictionary(p => p.Key, p => ValueConverter.Normalize(p.Value));
}
