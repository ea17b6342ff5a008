using System.Text.Json;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;

namespace Chamber.Workflows.Runtime;

/// <summary>
/// One execution of one activity within an instance: its evaluated inputs, its persisted
/// properties, its children and bookmarks. This is the API activities program against.
/// </summary>
public sealed class ActivityExecutionContext : IExpressionContext
{
    private Dictionary<Input, object?>? _inputValues;
    private Dictionary<string, object?>? _properties; // most activities never need one

    internal ActivityExecutionContext(string id, Activity activity, ActivityExecutionContext? parent, string? completionCallback,
        WorkflowExecutionContext workflow)
    {
        Id = id;
        Activity = activity;
        Parent = parent;
        CompletionCallback = completionCallback;
        WorkflowExecutionContext = workflow;
    }

    public string Id { get; }

    public Activity Activity { get; }

    public ActivityExecutionContext? Parent { get; }

    public WorkflowExecutionContext WorkflowExecutionContext { get; }

    public ActivityStatus Status { get; internal set; } = ActivityStatus.Running;

    /// <summary>The method on the parent's activity to call when this one completes.</summary>
    internal string? CompletionCallback { get; }

    /// <summary>Children scheduled or running and not yet completed; a composite is done when this is zero.</summary>
    public int PendingChildren { get; internal set; }

    /// <summary>State that must survive suspension (indexes, counters, join arrivals); persisted as JSON.</summary>
    public Dictionary<string, object?> Properties
    {
        get => _properties ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        internal set => _properties = value;
    }

    internal bool HasProperties => _properties is { Count: > 0 };

    /// <summary>The tag given when this context was scheduled (e.g. an iteration index).</summary>
    public string? Tag { get; internal set; }

    /// <summary>The input sent with the resume that woke this activity, if any.</summary>
    public JsonElement? ResumeInput { get; internal set; }

    internal List<ActivityExecutionContext> Children { get; } = [];

    public IServiceProvider Services => WorkflowExecutionContext.Services;

    public TimeProvider Clock => WorkflowExecutionContext.Clock;

    public string WorkflowInstanceId => WorkflowExecutionContext.Id;

    public string? CorrelationId
    {
        get => WorkflowExecutionContext.Instance.CorrelationId;
        set => WorkflowExecutionContext.Instance.CorrelationId = value;
    }

    public IReadOnlyDictionary<string, object?> WorkflowInput => WorkflowExecutionContext.Input;

    public object? GetVariable(string nameOrId) => WorkflowExecutionContext.GetVariable(nameOrId);

    public void SetVariable(string nameOrId, object? value) => WorkflowExecutionContext.SetVariable(nameOrId, value);

    /// <summary>The value of an input evaluated before <see cref="Activity.ExecuteAsync"/> ran.</summary>
    public T? Get<T>(Input<T>? input)
    {
        if (input is null)
            return default;
        if (_inputValues is not null && _inputValues.TryGetValue(input, out var value))
            return (T?)value;
        throw new InvalidOperationException($"Input of {Activity} was not evaluated; call EvaluateAsync for inputs with AutoEvaluate = false.");
    }

    /// <summary>Evaluates an input now (for inputs marked <c>AutoEvaluate = false</c>, or again).</summary>
    public object? GetCurrentValue()
    {
        for (var iteration = this; iteration.Parent is { } parent; iteration = parent)
        {
            if (parent.Activity is Activities.Composition.ForEachBase)
                return Activities.Composition.ForEachBase.ItemOf(parent, iteration);
        }

        return null;
    }

    /// <summary>The run's token: an expression stops when the instance is cancelled while it runs.</summary>
    public CancellationToken CancellationToken => WorkflowExecutionContext.CancellationToken;

    public async ValueTask<T?> EvaluateAsync<T>(Input<T>? input)
    {
        if (input?.Compiled is null)
            return default;
        return ValueConverter.Convert<T>(await input.Compiled.EvaluateAsync(this));
    }

    /// <summary>Evaluates any input, typed by its declaration.</summary>
    public async ValueTask<object?> EvaluateAsync(Input input) =>
        input.Compiled is null ? null : ValueConverter.Convert(await input.Compiled.EvaluateAsync(this), input.ValueType);

    internal async ValueTask EvaluateInputsAsync()
    {
        var info = ActivityTypeInfo.Of(Activity.GetType());
        foreach (var inputInfo in info.Inputs)
        {
            if (!inputInfo.Attribute.AutoEvaluate || inputInfo.Get(Activity) is not { } input)
                continue;
            _inputValues ??= [];
            _inputValues[input] = await EvaluateAsync(input);
        }
    }

    /// <summary>
    /// Sets an output: into the variable or workflow output it is bound to, and — bound or not — into
    /// this run's register of activity outputs, which Elsa's <c>getOutputFrom</c> and
    /// <c>getLastResult()</c> read. <paramref name="name"/> is the output's property as the activity
    /// wrote it (<c>context.Set(Result, …)</c> gives "Result").
    /// </summary>
    public void Set<T>(Output<T>? output, T? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(output))] string? name = null)
    {
        if (output?.VariableId is { } reference)
            WorkflowExecutionContext.WriteMemory(reference, value);
        WorkflowExecutionContext.RecordOutput(Activity, name ?? "Result", value);
    }

    public object? GetOutput(string activityIdOrName, string? outputName) => WorkflowExecutionContext.ReadOutput(activityIdOrName, outputName);

    public object? GetLastResult() => WorkflowExecutionContext.LastResult;

    /// <summary>The ports a script chose with <c>setOutcome()</c>, if it did.</summary>
    internal IReadOnlyList<string>? ChosenOutcomes { get; private set; }

    public void SetOutcomes(IReadOnlyList<string> outcomes)
    {
        if (Activity is not Activities.Primitives.ScriptActivity)
            throw new InvalidOperationException(ReaderText.Of(
                $"setOutcome() 用于选择“运行 JavaScript 脚本”环节的出口；{Activity.ChineseLabel}不能使用它",
                $"setOutcome() chooses the port of a Run JavaScript activity; {Activity} cannot."));
        ChosenOutcomes = outcomes;
    }

    public (string? DefinitionId, string? VersionId, int Version) WorkflowDefinition =>
        (WorkflowExecutionContext.Instance.DefinitionId, WorkflowExecutionContext.Instance.DefinitionVersionId, WorkflowExecutionContext.Instance.Version);

    public T? GetProperty<T>(string key)
    {
        if (_properties is null || !_properties.TryGetValue(key, out var value) || value is null)
            return default;
        if (value is T typed)
            return typed;
        var converted = value is JsonElement element ? element.Deserialize<T>(StateJson.Options) : ValueConverter.Convert<T>(value);
        Properties[key] = converted;
        return converted;
    }

    public void SetProperty<T>(string key, T? value) => Properties[key] = value;

    public T? GetResumeInput<T>() => ResumeInput is { } input ? ValueConverter.Convert<T>(input) : default;

    /// <summary>Writes a line to the instance's journal (what Elsa.WriteLine shows).</summary>
    public void JournalMessage(string? message) => WorkflowExecutionContext.AddJournal(this, JournalEvents.Message, message);

    /// <summary>Schedules a child activity; <paramref name="callback"/> (a method of this activity) runs when it completes.</summary>
    public void ScheduleActivity(Activity child, ActivityCompletionCallback? callback = null, string? tag = null,
        IReadOnlyDictionary<string, object?>? variables = null)
    {
        var variableValues = variables?.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value, StateJson.Options));
        WorkflowExecutionContext.Schedule(new WorkItem(WorkItemKind.Execute, child.Id, Id, callback?.Method.Name, Tag: tag, Variables: variableValues));
        PendingChildren++;
    }

    /// <summary>
    /// Asks for a message to be sent once this slice commits, and only if it does (the outbox row is
    /// part of the commit). <paramref name="idempotencyKey"/> makes a repeated request a no-op.
    /// </summary>
    public Outbox.OutboxMessage EnqueueMessage(string channel, string payload, string? summary = null, string? idempotencyKey = null,
        DateTimeOffset? deliverAt = null)
    {
        var id = Guid.CreateVersion7().ToString("N");
        var message = new Outbox.OutboxMessage(id, channel, idempotencyKey ?? id, payload, summary, WorkflowExecutionContext.Id, Clock.GetUtcNow(), deliverAt);
        WorkflowExecutionContext.Outbox.Add(message);
        return message;
    }

    /// <summary>Withdraws this activity's bookmarks of one name (a reminder that is no longer needed); they go with the commit.</summary>
    public void RemoveBookmarks(string name) =>
        WorkflowExecutionContext.Bookmarks.RemoveAll(b => b.ContextId == Id && string.Equals(b.Name, name, StringComparison.Ordinal));

    /// <summary>Suspends this activity until the bookmark is resumed; <paramref name="callback"/> runs then (or the activity completes).</summary>
    /// <remarks>
    /// <paramref name="tag"/> is indexed and, with <paramref name="payload"/>, copied to the bookmark
    /// index, so that lists of waiting work (an inbox: tag = the assignee) need not load instances.
    /// </remarks>
    public Bookmark CreateBookmark(string? name = null, string? key = null, object? payload = null,
        ExecuteActivityDelegate? callback = null, DateTimeOffset? dueAt = null, string? tag = null)
    {
        // The callback is found again by name on the activity when the bookmark is resumed, maybe in
        // another process: a static method would be found at none, and the resume would fault.
        if (callback is { Method.IsStatic: true })
            throw new ArgumentException($"The callback {callback.Method.Name} of {Activity.Type} must be an instance method of the activity.", nameof(callback));
        var bookmark = new Bookmark(
            Guid.CreateVersion7().ToString("N"),
            name ?? Activity.Type,
            key,
            Activity.Id,
            Activity.Type,
            Id,
            callback?.Method.Name,
            payload is null ? null : JsonSerializer.SerializeToElement(payload, StateJson.Options),
            Clock.GetUtcNow(),
            dueAt,
            tag);
        WorkflowExecutionContext.Bookmarks.Add(bookmark);
        WorkflowExecutionContext.AddJournal(this, JournalEvents.Suspended, key is null ? name : $"{name ?? Activity.Type}: {key}");
        return bookmark;
    }

    public ValueTask CompleteActivityAsync() => CompleteActivityAsync(Outcomes.Done);

    /// <summary>Completes this activity with the given outcomes (flowchart ports) and notifies its parent.</summary>
    public async ValueTask CompleteActivityAsync(params string[] outcomes)
    {
        if (Status != ActivityStatus.Running)
            return;
        Detach(ActivityStatus.Completed);
        var workflow = WorkflowExecutionContext;
        workflow.AddJournal(this, JournalEvents.Completed,
            outcomes.Length == 1 && outcomes[0] == Outcomes.Done ? null : string.Join(", ", outcomes));
        if (Parent is null)
        {
            workflow.Outcomes = outcomes;
            workflow.Status = WorkflowStatus.Finished;
            return;
        }

        Parent.PendingChildren--;
        if (CompletionCallback is not null && Parent.Status == ActivityStatus.Running)
        {
            var callback = Parent.Activity.ResolveCallback<ActivityCompletionCallback>(CompletionCallback);
            try
            {
                await callback(new ActivityCompletedContext(Parent, this, outcomes));
            }
            catch (Exception e) when (e is not ActivityFaultException)
            {
                throw new ActivityFaultException(Parent, e);
            }
        }
    }

    /// <summary>Completes the composite this activity belongs to (Elsa.End, Elsa.Complete), stopping its other branches.</summary>
    public async ValueTask CompleteParentAsync(params string[] outcomes)
    {
        var parent = Parent;
        await CompleteSilentlyAsync();
        if (parent is null)
        {
            WorkflowExecutionContext.Outcomes = outcomes;
            WorkflowExecutionContext.Status = WorkflowStatus.Finished;
            return;
        }

        parent.CancelChildren();
        await parent.CompleteActivityAsync(outcomes);
    }

    private ValueTask CompleteSilentlyAsync()
    {
        if (Status == ActivityStatus.Running)
        {
            Detach(ActivityStatus.Completed);
            WorkflowExecutionContext.AddJournal(this, JournalEvents.Completed);
            if (Parent is not null)
                Parent.PendingChildren--;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Ends the whole workflow now (Elsa.Finish).</summary>
    public void FinishWorkflow()
    {
        WorkflowExecutionContext.AddJournal(this, JournalEvents.Completed);
        WorkflowExecutionContext.Finish();
    }

    /// <summary>Cancels every child and the work scheduled for them.</summary>
    public void CancelChildren()
    {
        foreach (var child in Children.ToList())
            CancelChild(child);
        PendingChildren -= WorkflowExecutionContext.Unschedule(Id, _ => true);
    }

    /// <summary>Cancels one child branch (and everything under it).</summary>
    public void CancelChild(ActivityExecutionContext child)
    {
        if (child.Status != ActivityStatus.Running && child.Status != ActivityStatus.Faulted)
            return;
        foreach (var grandChild in child.Children.ToList())
            child.CancelChild(grandChild);
        child.Activity.OnCancelled(child);
        WorkflowExecutionContext.Unschedule(child.Id, _ => true);
        child.Detach(ActivityStatus.Cancelled);
        WorkflowExecutionContext.AddJournal(child, JournalEvents.Cancelled);
        PendingChildren--;
    }

    /// <summary>Removes this context from the instance: its bookmarks go, its parent forgets it.</summary>
    private void Detach(ActivityStatus status)
    {
        Status = status;
        WorkflowExecutionContext.RemoveBookmarksOf(this);
        WorkflowExecutionContext.Contexts.Remove(Id);
        Parent?.Children.Remove(this);
    }

    public override string ToString() => $"{Activity} [{Id}]";
}

/// <summary>An activity's code threw; carries the context it happened in, for the incident.</summary>
public sealed class ActivityFaultException(ActivityExecutionContext context, Exception inner)
    : Exception(inner.Message, inner)
{
    public ActivityExecutionContext Context { get; } = context;
}
