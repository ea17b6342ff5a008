using System.Text.Json;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Localization;

namespace Chamber.Workflows.Runtime;

/// <summary>
/// One workflow instance while it runs: variables, active activity contexts, scheduled work,
/// bookmarks, incidents and the journal written since it was loaded. Created for a run slice and
/// dropped after the commit; nothing of a suspended instance stays in memory.
/// </summary>
public sealed class WorkflowExecutionContext
{
    private readonly object?[] _variables;
    private readonly HashSet<string> _loadedBookmarkIds;
    private readonly List<Bookmark> _loadedBookmarks;
    private readonly HashSet<string> _resumedBookmarkIds = [];
    private int _nextContextId;

    internal WorkflowExecutionContext(WorkflowGraph graph, WorkflowInstanceInfo instance, IServiceProvider services, TimeProvider clock,
        object?[] variables, Dictionary<string, object?> input, Dictionary<string, object?> output, List<Bookmark> bookmarks,
        List<Incident> incidents, int nextContextId)
    {
        Graph = graph;
        Instance = instance;
        Services = services;
        Clock = clock;
        _variables = variables;
        Input = input;
        Output = output;
        Bookmarks = bookmarks;
        Incidents = incidents;
        _nextContextId = nextContextId;
        _loadedBookmarks = [.. bookmarks];
        _loadedBookmarkIds = [.. bookmarks.Select(b => b.Id)];
    }

    public WorkflowGraph Graph { get; }

    public WorkflowInstanceInfo Instance { get; }

    public string Id => Instance.Id;

    /// <summary>The token of the run now under way: cancelled when the instance is cancelled while it runs.</summary>
    public CancellationToken CancellationToken { get; internal set; }

    public WorkflowStatus Status
    {
        get => Instance.Status;
        internal set => Instance.Status = value;
    }

    public IServiceProvider Services { get; }

    public TimeProvider Clock { get; }

    public IReadOnlyDictionary<string, object?> Input { get; }

    public Dictionary<string, object?> Output { get; }

    /// <summary>The outcomes the root activity completed with (a Complete activity at the top level sets them): what a workflow used as an activity continues on.</summary>
    public string[] Outcomes { get; internal set; } = DoneOnly;

    private static readonly string[] DoneOnly = [Model.Outcomes.Done];

    public List<Bookmark> Bookmarks { get; }

    public List<Incident> Incidents { get; }

    /// <summary>Journal entries written since this context was loaded (the store appends them).</summary>
    public List<JournalEntry> Journal { get; } = [];

    /// <summary>Bookmarks of activities that run asynchronously, created by this slice: each becomes a background job after the commit.</summary>
    public List<string> BackgroundActivities { get; } = [];

    /// <summary>Child workflows created by this slice; the store inserts them with the commit.</summary>
    public List<ChildWorkflowRequest> ChildWorkflows { get; } = [];

    /// <summary>Messages asked for by this slice; the store inserts them with the commit.</summary>
    public List<Outbox.OutboxMessage> Outbox { get; } = [];

    internal Dictionary<string, ActivityExecutionContext> Contexts { get; } = new(StringComparer.Ordinal);

    internal LinkedList<WorkItem> Queue { get; } = new();

    internal int NextContextId => _nextContextId;

    /// <summary>True while the trigger that created this instance has not been consumed by its activity.</summary>
    internal bool TriggerPending { get; set; }

    /// <summary>Lets the trigger activity that started the instance complete at once, one time only.</summary>
    public bool ConsumeTrigger()
    {
        var pending = TriggerPending;
        TriggerPending = false;
        return pending;
    }

    /// <summary>The fault that stopped this slice, if any.</summary>
    public Incident? Fault { get; internal set; }

    public IReadOnlyList<Bookmark> AddedBookmarks => Bookmarks.Count == 0 ? [] : [.. Bookmarks.Where(b => !_loadedBookmarkIds.Contains(b.Id))];

    /// <summary>
    /// Children this instance waited for but no longer does, without having been resumed by them:
    /// their branch was cancelled (End, Complete, WaitAny, Finish, cancel). They are cancelled too.
    /// </summary>
    public IEnumerable<string> AbandonedChildInstanceIds
    {
        get
        {
            var waiting = Bookmarks.Select(b => b.Id).ToHashSet();
            var loaded = _loadedBookmarks
                .Where(b => b.Name == Activities.Children.ChildWorkflowActivity.BookmarkName && b.Key is not null
                    && !waiting.Contains(b.Id) && !_resumedBookmarkIds.Contains(b.Id))
                .Select(b => b.Key!);
            var createdNow = ChildWorkflows.Where(c => c.ParentBookmarkId is { } id && !waiting.Contains(id) && !_resumedBookmarkIds.Contains(id))
                .Select(c => c.InstanceId);
            return loaded.Concat(createdNow);
        }
    }

    internal void MarkResumed(string bookmarkId) => _resumedBookmarkIds.Add(bookmarkId);

    /// <summary>The tags of the loaded bookmarks with these ids (bookmarks this slice removed).</summary>
    internal IEnumerable<string?> RemovedBookmarkTags(IReadOnlyList<string> removedIds) =>
        removedIds.Count == 0 ? [] : _loadedBookmarks.Where(b => removedIds.Contains(b.Id)).Select(b => b.Tag);

    public IReadOnlyList<string> RemovedBookmarkIds => _loadedBookmarkIds.Count == 0 ? [] : [.. _loadedBookmarkIds.Except(Bookmarks.Select(b => b.Id))];

    public IEnumerable<ActivityExecutionContext> ActiveContexts => Contexts.Values;

    internal object?[] VariableValues => _variables;

    public object? GetVariable(string nameOrId)
    {
        var slot = Graph.SlotOf(nameOrId);
        if (slot < 0)
            throw new KeyNotFoundException(NoVariable(nameOrId));
        var value = _variables[slot];
        if (value is JsonElement element)
            _variables[slot] = value = ValueConverter.Convert(element, Graph.VariableTypes[slot]);
        return value;
    }

    public void SetVariable(string nameOrId, object? value)
    {
        var slot = Graph.SlotOf(nameOrId);
        if (slot < 0)
            throw new KeyNotFoundException(NoVariable(nameOrId));
        _variables[slot] = ValueConverter.Convert(value, Graph.VariableTypes[slot]);
    }

    private static string NoVariable(string nameOrId) =>
        ReaderText.Of($"流程中没有变量“{nameOrId}”", $"The workflow has no variable '{nameOrId}'.");

    /// <summary>Writes an output bound by memory reference: to a variable, else to the workflow output of that name.</summary>
    private readonly Dictionary<string, Dictionary<string, object?>> _outputs = new(StringComparer.Ordinal);

    /// <summary>The last output an activity set in this run (Elsa's <c>getLastResult()</c>).</summary>
    public object? LastResult { get; private set; }

    /// <summary>
    /// Keeps an activity's output for the rest of this run, by the activity's id and its name. Like
    /// Elsa's output register it lives for the run: after the instance waits, what was bound to a
    /// variable or workflow output is what stays.
    /// </summary>
    internal void RecordOutput(Model.Activity activity, string name, object? value)
    {
        foreach (var key in new[] { activity.Id, activity.Name }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!_outputs.TryGetValue(key, out var outputs))
                _outputs[key] = outputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            outputs[name] = value;
        }

        LastResult = value;
    }

    /// <summary>An output an activity set in this run, by the activity's id or name; its only (or "Result") output when none is named.</summary>
    internal object? ReadOutput(string activityIdOrName, string? outputName)
    {
        if (!_outputs.TryGetValue(activityIdOrName, out var outputs))
            return null;
        if (!string.IsNullOrEmpty(outputName))
            return outputs.GetValueOrDefault(outputName);
        return outputs.Count == 1 ? outputs.Values.First() : outputs.GetValueOrDefault("Result");
    }

    internal void WriteMemory(string reference, object? value)
    {
        if (Graph.SlotOf(reference) >= 0)
            SetVariable(reference, value);
        else
            Output[reference] = value;
    }

    public void AddJournal(ActivityExecutionContext? context, string eventName, string? message = null) =>
        Journal.Add(new JournalEntry(Clock.GetUtcNow(), context?.Activity.Id, context?.Activity.Type, eventName, message));

    internal string NewContextId() => "c" + (++_nextContextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal void Schedule(WorkItem item, bool first = false)
    {
        if (first)
            Queue.AddFirst(item);
        else
            Queue.AddLast(item);
    }

    /// <summary>Removes scheduled work owned by <paramref name="owner"/> that matches; returns how many.</summary>
    internal int Unschedule(string owner, Func<WorkItem, bool> predicate)
    {
        var removed = 0;
        for (var node = Queue.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.OwnerContextId == owner && predicate(node.Value))
            {
                Queue.Remove(node);
                removed++;
            }

            node = next;
        }

        return removed;
    }

    internal void RemoveBookmarksOf(ActivityExecutionContext context)
    {
        if (Bookmarks.Count > 0)
            Bookmarks.RemoveAll(b => b.ContextId == context.Id);
    }

    /// <summary>Ends the instance at once (Elsa.Finish): every activity stops, every bookmark goes.</summary>
    internal void Finish()
    {
        foreach (var context in Contexts.Values.ToList())
        {
            context.Activity.OnCancelled(context);
            context.Status = ActivityStatus.Cancelled;
        }

        Contexts.Clear();
        Queue.Clear();
        Bookmarks.Clear();
        Status = WorkflowStatus.Finished;
    }

    /// <summary>Cancels the instance: like finishing, but the outcome is Cancelled.</summary>
    internal void Cancel()
    {
        foreach (var context in Contexts.Values.ToList())
            AddJournal(context, JournalEvents.Cancelled);
        Finish();
        Status = WorkflowStatus.Cancelled;
        AddJournal(null, JournalEvents.WorkflowCancelled);
    }
}

/// <summary>The identity and lifecycle fields of an instance (what its table row holds besides state).</summary>
public sealed record WorkflowInstanceInfo
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionVersionId { get; init; }
    public required int Version { get; init; }
    public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; init; }

    /// <summary>The trigger activity that started this instance (an Event with canStartWorkflow), if any.</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>The parent's bookmark to resume when this child finishes (when the parent waits).</summary>
    public string? ParentBookmarkId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Optimistic concurrency: the row version this state was loaded at (0 for a new instance).</summary>
    public long RowVersion { get; set; }
}
