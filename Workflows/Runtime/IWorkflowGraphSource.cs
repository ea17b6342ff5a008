namespace Chamber.Workflows.Runtime;

/// <summary>Where the runtime gets ready-to-run definition versions.</summary>
public interface IWorkflowGraphSource
{
    /// <summary>A specific version (instances stay on the version they started on).</summary>
    ValueTask<WorkflowGraph?> GetVersionAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>The published version of a definition, or null when none is published.</summary>
    ValueTask<WorkflowGraph?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Every published version (to find triggers).</summary>
    ValueTask<IReadOnlyList<WorkflowGraph>> GetAllPublishedAsync(CancellationToken cancellationToken = default);
}

/// <summary>Graphs held in memory, for tests, benchmarks and embedding without a database.</summary>
public sealed class InMemoryGraphSource : IWorkflowGraphSource
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkflowGraph> _versions = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkflowGraph> _published = new();

    public void Publish(WorkflowGraph graph)
    {
        _versions[graph.Definition.Id] = graph;
        _published[graph.Definition.DefinitionId] = graph;
    }

    public ValueTask<WorkflowGraph?> GetVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_versions.GetValueOrDefault(versionId));

    public ValueTask<WorkflowGraph?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_published.GetValueOrDefault(definitionId));

    public ValueTask<IReadOnlyList<WorkflowGraph>> GetAllPublishedAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<WorkflowGraph>>([.. _published.Values]);
}
