using Chamber.Campaigns;
using Chamber.Workflows;
using Chamber.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Persistence;

/// <summary>
/// One engine "process": its own service provider, locks, caches and commit writer on a shared
/// database. Two nodes behave like two hosts; disposing a node forgets everything it held.
/// </summary>
internal sealed class EngineNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineNode(ServiceProvider services) => _services = services;

    /// <param name="configure">More services for this node (a test's own activities and timer handlers).</param>
    public static EngineNode Start(TestDatabase database, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddWorkflowEngine(storage =>
            {
                storage.Provider = database.Provider;
                storage.ConnectionString = database.ConnectionString;
            })
            .AddCampaigns();
        configure?.Invoke(services);
        return new(services.BuildServiceProvider());
    }

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public DefinitionService Definitions => _services.GetRequiredService<DefinitionService>();

    public IWorkflowInstanceStore Store => _services.GetRequiredService<IWorkflowInstanceStore>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task MigrateAsync() => _services.MigrateWorkflowDatabaseAsync();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
