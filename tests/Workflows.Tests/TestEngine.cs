using Chamber.Workflows.Expressions;
using Chamber.Workflows.Json;
using Chamber.Workflows.Model;
using Chamber.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Workflows.Tests;

/// <summary>The engine wired with in-memory storage, for interpreter tests.</summary>
internal sealed class TestEngine
{
    public TestEngine(IWorkflowInstanceStore? store = null, WorkflowRunnerOptions? options = null, TimeProvider? clock = null)
    {
        Store = store ?? new InMemoryInstanceStore();
        // The tests' engine runs every expression type, C# included, as the definitions it compiles do.
        var services = new ServiceCollection().AddSingleton<IWorkflowGraphSource>(Graphs).AddSingleton(ExpressionCompilers.All).BuildServiceProvider();
        Runtime = new WorkflowRuntime(Store, Graphs, new WorkflowRunner(services, clock ?? TimeProvider.System, options), new InstanceLocks(), new NoDispatchQueue());
    }

    public static ActivityRegistry Registry { get; } = new ActivityRegistry().AddBuiltInActivities();

    public static DefinitionJsonReader Reader { get; } = new(Registry);

    public static DefinitionValidator Validator { get; } = new(ExpressionCompilers.All);

    public InMemoryGraphSource Graphs { get; } = new();

    public IWorkflowInstanceStore Store { get; }

    public WorkflowRuntime Runtime { get; }

    public static string ReadFile(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", name));

    public static WorkflowGraph Compile(string json)
    {
        var definition = Reader.Read(json);
        if (string.IsNullOrEmpty(definition.Id))
            definition.Id = $"{definition.DefinitionId}-v{definition.Version}";
        return Validator.Validate(definition);
    }

    public WorkflowGraph Publish(string file) => PublishJson(ReadFile(file));

    public WorkflowGraph PublishJson(string json)
    {
        var graph = Compile(json);
        Graphs.Publish(graph);
        return graph;
    }

    public async Task<LoadedInstance> LoadAsync(string instanceId) =>
        await Store.LoadAsync(instanceId) ?? throw new InvalidOperationException($"No instance {instanceId}.");

    public async Task<List<string?>> MessagesAsync(string instanceId) =>
        [.. (await Store.ReadJournalAsync(instanceId)).Where(j => j.EventName == JournalEvents.Message).Select(j => j.Message)];

    public static object? Output(LoadedInstance instance, string name) =>
        ValueConverter.Normalize(instance.State.Output.GetValueOrDefault(name));

    public static object? Variable(LoadedInstance instance, string id) =>
        ValueConverter.Normalize(instance.State.Variables.GetValueOrDefault(id));
}
