using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Model;

/// <summary>
/// A node of a workflow, as in Elsa 3: one instance per activity of a definition version, shared
/// by every workflow instance of that version. It holds configuration only; everything that
/// changes while a workflow runs lives in its <see cref="ActivityExecutionContext"/>.
/// </summary>
public abstract class Activity
{
    private ConcurrentDictionary<string, Delegate>? _callbacks;

    /// <summary>The node id, unique within the whole definition.</summary>
    public string Id { get; set; } = "";

    /// <summary>The Elsa type name, e.g. <c>Elsa.WriteLine</c>.</summary>
    public string Type { get; set; } = "";

    public int Version { get; set; } = 1;

    public string? Name { get; set; }

    /// <summary>The name in the reader's language (see <see cref="Translations"/>); the id when it has none.</summary>
    public string LocalizedName(System.Globalization.CultureInfo? culture = null) =>
        Translations.Pick(Name, CustomProperties, ["name"], culture) ?? Id;

    /// <summary>Elsa's <c>customProperties</c>, kept as written.</summary>
    public JsonObject? CustomProperties { get; set; }

    /// <summary>Elsa's <c>metadata</c> (designer position, size, display text), kept as written.</summary>
    public JsonObject? Metadata { get; set; }

    /// <summary>Fields of the activity JSON that no property of this type reads; written back on export.</summary>
    public JsonObject? UnknownFields { get; set; }

    /// <summary>
    /// Elsa's <c>canStartWorkflow</c>: this trigger activity starts new instances. Newer Elsa
    /// exports keep the flag in customProperties, 3.0 exports on the activity itself.
    /// </summary>
    public bool CanStartWorkflow =>
        (CustomProperties?["canStartWorkflow"] ?? UnknownFields?["canStartWorkflow"]) is JsonValue value && value.TryGetValue<bool>(out var set) && set;

    /// <summary>
    /// Elsa's <c>runAsynchronously</c> (in customProperties): the activity's work runs as a
    /// background job, and the workflow waits for it on a bookmark instead of holding the run.
    /// </summary>
    public bool RunAsynchronously =>
        (CustomProperties?["runAsynchronously"] ?? UnknownFields?["runAsynchronously"]) is JsonValue value && value.TryGetValue<bool>(out var set) && set;

    public abstract ValueTask ExecuteAsync(ActivityExecutionContext context);

    /// <summary>
    /// Called when this activity is stopped before it completed: its branch was cut short, the
    /// instance was cancelled or finished early. It may ask for messages (they are committed with
    /// the step that stopped it), to withdraw what it announced — a meeting's invitation, say.
    /// </summary>
    public virtual void OnCancelled(ActivityExecutionContext context)
    {
    }

    /// <summary>The deferred execution of an activity that runs asynchronously: the bookmark's callback, run by the background job.</summary>
    internal async ValueTask ExecuteInBackgroundAsync(ActivityExecutionContext context)
    {
        await context.EvaluateInputsAsync();
        await ExecuteAsync(context);
    }

    /// <summary>
    /// Outcomes this activity may complete with, beyond those declared on its type — for
    /// activities whose ports depend on configuration (FlowSwitch cases, FlowFork branches).
    /// </summary>
    public virtual IEnumerable<string> GetDynamicOutcomes() => [];

    /// <summary>Child activities held in ports or lists (composites).</summary>
    public virtual IEnumerable<Activity> GetChildren() => [];

    /// <summary>True when executing this activity can suspend the workflow (it creates bookmarks).</summary>
    public virtual bool CanSuspend => false;

    /// <summary>
    /// Callbacks are stored by method name in persisted state (as Elsa does) and bound back to
    /// this activity instance when the workflow resumes, possibly in another process.
    /// </summary>
    internal TDelegate ResolveCallback<TDelegate>(string methodName) where TDelegate : Delegate
    {
        _callbacks ??= new ConcurrentDictionary<string, Delegate>();
        return (TDelegate)_callbacks.GetOrAdd(methodName, static (name, self) =>
        {
            // Private callbacks of base classes are only visible on the type that declares them.
            MethodInfo? method = null;
            for (var type = self.GetType(); method is null && type is not null; type = type.BaseType)
                method = type.GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            if (method is null)
                throw new InvalidOperationException($"Activity type '{self.Type}' has no callback method '{name}'.");
            return Delegate.CreateDelegate(typeof(TDelegate), self, method);
        }, this);
    }

    public override string ToString() => $"{Type} '{Name ?? Id}'";

    /// <summary>How a Chinese message names the activity, e.g. 环节“审批”（Elsa.SetVariable）; in English it is <see cref="ToString"/>.</summary>
    internal string ChineseLabel => $"环节“{Name ?? Id}”（{Type}）";
}
