using System.Text.Json;
using Chamber.Campaigns.Tasks;
using Chamber.Workflows;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Json;
using Chamber.Workflows.Model;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Tests.Tasks;

/// <summary>
/// The engine with in-memory storage and the sign-off activity, and nothing of the Host: a sign-off
/// is started and answered as the inbox would answer it (a <see cref="TaskDecision"/> on the task's
/// bookmark), so its modes are tested without HTTP, accounts or a database.
/// </summary>
internal sealed class SignOffEngine
{
    private static readonly ActivityRegistry Registry = new ActivityRegistry().AddBuiltInActivities().Register<SignOff>();
    private readonly InMemoryInstanceStore _store = new();
    private readonly InMemoryGraphSource _graphs = new();
    private readonly WorkflowRuntime _runtime;

    public SignOffEngine()
    {
        var services = new ServiceCollection().AddSingleton<IWorkflowGraphSource>(_graphs).BuildServiceProvider();
        _runtime = new WorkflowRuntime(_store, _graphs, new WorkflowRunner(services, TimeProvider.System), new InstanceLocks(), new NoDispatchQueue());
    }

    /// <summary>A sign-off by <paramref name="approvers"/> in <paramref name="mode"/>, whose outcomes write "approved", "rejected" or "returned".</summary>
    public async Task<RunResult> StartAsync(string approvers, string mode)
    {
        var definition = new DefinitionJsonReader(Registry).Read($$$$"""
            {"definitionId":"plan","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"sign","type":"Chamber.SignOff",
               "title":{"typeName":"String","expression":{"type":"Literal","value":"实施方案审批"}},
               "approvers":{"typeName":"Object","expression":{"type":"Literal","value":"{{{{approvers}}}}"}},
               "mode":{"typeName":"String","expression":{"type":"Literal","value":"{{{{mode}}}}"}}},
              {"id":"ok","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"approved"}}},
              {"id":"no","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"rejected"}}},
              {"id":"back","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"returned"}}}],
             "connections":[
              {"source":{"activity":"sign","port":"Approved"},"target":{"activity":"ok","port":"In"}},
              {"source":{"activity":"sign","port":"Rejected"},"target":{"activity":"no","port":"In"}},
              {"source":{"activity":"sign","port":"Returned"},"target":{"activity":"back","port":"In"}}]}}
            """);
        definition.Id = "plan-v1";
        var graph = new DefinitionValidator(ExpressionCompilers.All).Validate(definition);
        _graphs.Publish(graph);
        return await _runtime.StartAsync(graph, null, null, null);
    }

    /// <summary>The open tasks of a run, by assignee tag (<c>user:…</c>).</summary>
    public static IReadOnlyDictionary<string, Bookmark> Tasks(RunResult run) =>
        run.Bookmarks.Where(b => b.Name == UserTasks.BookmarkName).ToDictionary(b => b.Tag!, StringComparer.Ordinal);

    /// <summary>Answers <paramref name="assignee"/>'s open task as the inbox would.</summary>
    public async Task<RunResult> AnswerAsync(RunResult run, string assignee, string action, string? comment = null, string? target = null)
    {
        var task = Tasks(run)["user:" + assignee];
        var decision = new TaskDecision(task.Key!, action, assignee, Comment: comment,
            TransferTo: action == TaskActions.Transfer ? target : null, AddSigner: action == TaskActions.AddSigner ? target : null);
        return await _runtime.ResumeAsync(task.Id, JsonSerializer.SerializeToElement(decision, JsonSerializerOptions.Web));
    }

    /// <summary>What the flowchart wrote after the sign-off (the outcome it took).</summary>
    public async Task<IReadOnlyList<string?>> WrittenAsync(RunResult run) =>
        [.. (await _store.ReadJournalAsync(run.InstanceId)).Where(j => j.EventName == JournalEvents.Message && j.ActivityId != "sign").Select(j => j.Message)];
}
