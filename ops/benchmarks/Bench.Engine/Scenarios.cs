using System.Diagnostics;
using Chamber.Workflows;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Json;
using Chamber.Workflows.Model;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Bench.Engine;

internal static class Scenarios
{
    private const string ThreeActivities = """
        {"definitionId":"bench-three","name":"Benchmark: three activities","isPublished":true,
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
           {"id":"start","type":"Elsa.Start"},
           {"id":"write","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"hello"}}},
           {"id":"end","type":"Elsa.End"}],
          "connections":[
           {"source":{"activity":"start","port":"Done"},"target":{"activity":"write","port":"In"}},
           {"source":{"activity":"write","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;

    private const string WaitForEvent = """
        {"definitionId":"bench-wait","name":"Benchmark: wait for an event","isPublished":true,
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
           {"id":"start","type":"Elsa.Start"},
           {"id":"wait","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}}},
           {"id":"end","type":"Elsa.End"}],
          "connections":[
           {"source":{"activity":"start","port":"Done"},"target":{"activity":"wait","port":"In"}},
           {"source":{"activity":"wait","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;

    /// <summary>
    /// The interpreter with the in-memory store. <paramref name="keepEnded"/> false lets the store
    /// drop finished instances, so the figure is the engine's and not the garbage collector's
    /// (with millions of results retained, collections of the growing heap dominate).
    /// </summary>
    /// <param name="expression">When given, the middle activity's text is this expression (type, text) instead of a literal.</param>
    public static async Task<double> StartInMemoryAsync(BenchOptions options, bool keepEnded, (string Type, string Text)? expression = null)
    {
        var graphs = new InMemoryGraphSource();
        var json = expression is not { } e ? ThreeActivities : ThreeActivities.Replace(
            "\"expression\":{\"type\":\"Literal\",\"value\":\"hello\"}",
            $"\"expression\":{{\"type\":\"{e.Type}\",\"value\":{System.Text.Json.JsonSerializer.Serialize(e.Text)}}}", StringComparison.Ordinal);
        var definition = new DefinitionJsonReader(new ActivityRegistry().AddBuiltInActivities()).Read(json);
        definition.Id = "bench-three-v1";
        graphs.Publish(new DefinitionValidator(ExpressionCompilers.All).Validate(definition));
        var services = new ServiceCollection().BuildServiceProvider();
        var runtime = new WorkflowRuntime(new InMemoryInstanceStore(keepEnded), graphs, new WorkflowRunner(services, TimeProvider.System),
            new InstanceLocks(), new NoDispatchQueue());
        // CPU-bound: one caller per core; more would only queue on the thread pool.
        return await MeasureAsync(expression is { } named ? $"in memory, {named.Type} middle step" : keepEnded ? "(a') in memory, every result kept" : "(a) in memory",
            options with { Concurrency = Environment.ProcessorCount },
            () => runtime.StartAsync("bench-three"));
    }

    /// <param name="withSubscriber">Registers a notification publisher with one subscriber, as the Host has (its live updates).</param>
    public static async Task<double> StartPersistedAsync(BenchOptions options, StorageOptions storage, bool withSubscriber = false)
    {
        await using var services = Build(storage, withSubscriber);
        await services.MigrateWorkflowDatabaseAsync();
        await services.GetRequiredService<DefinitionService>().ImportAsync(ThreeActivities);
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        return await MeasureAsync($"{storage.Provider} persisted{(withSubscriber ? ", with a subscriber" : "")}", options, () => runtime.StartAsync("bench-three"));
    }

    public static async Task<double> ResumeAsync(BenchOptions options, StorageOptions storage)
    {
        await using var services = Build(storage);
        await services.MigrateWorkflowDatabaseAsync();
        await services.GetRequiredService<DefinitionService>().ImportAsync(WaitForEvent);
        var runtime = services.GetRequiredService<WorkflowRuntime>();

        var bookmarks = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var setup = Stopwatch.StartNew();
        await ParallelRunAsync(options.Concurrency, options.ResumeInstances, async () =>
        {
            var started = await runtime.StartAsync("bench-wait");
            bookmarks.Enqueue(started.Bookmarks[0].Id);
        });
        Console.WriteLine($"  resume setup: {options.ResumeInstances:N0} suspended instances created in {setup.Elapsed.TotalSeconds:N1}s");

        return await MeasureAsync("(d) resumes", options, async () =>
        {
            if (!bookmarks.TryDequeue(out var bookmark))
                throw new InvalidOperationException("Ran out of suspended instances; raise --resume-instances.");
            var result = await runtime.ResumeAsync(bookmark);
            if (result.Status != WorkflowStatus.Finished)
                throw new InvalidOperationException($"Resume ended {result.Status}.");
            return result;
        });
    }

    private static ServiceProvider Build(StorageOptions storage, bool withSubscriber = false)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddWorkflowEngine(s =>
            {
                s.Provider = storage.Provider;
                s.ConnectionString = storage.ConnectionString;
            });
        if (withSubscriber)
            services.AddSingleton<Mediator.IPublisher, CountingPublisher>();
        return services.BuildServiceProvider();
    }

    /// <summary>A publisher with one subscriber that looks at every notification, standing in for the Host's generated one.</summary>
    private sealed class CountingPublisher : Mediator.IPublisher
    {
        private long _tags;

        public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : Mediator.INotification => Publish((object)notification, cancellationToken);

        public ValueTask Publish(object notification, CancellationToken cancellationToken = default)
        {
            if (notification is WorkflowInstanceCommitted committed)
                Interlocked.Add(ref _tags, committed.TaskTags.Count + 1);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Runs <paramref name="operation"/> from concurrent callers; returns completions per second in the timed window.</summary>
    private static async Task<double> MeasureAsync(string name, BenchOptions options, Func<Task<RunResult>> operation)
    {
        long completed = 0;
        var measuring = false;
        var stop = false;
        var callers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                var result = await operation();
                if (result.Status is not (WorkflowStatus.Finished or WorkflowStatus.Suspended))
                    throw new InvalidOperationException($"{name}: instance ended {result.Status}: {result.Fault?.Message}");
                if (Volatile.Read(ref measuring))
                    Interlocked.Increment(ref completed);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        var gcBefore = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var count = Interlocked.Read(ref completed);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(callers);

        var rate = count / elapsed;
        Console.WriteLine($"  {name}: {count:N0} in {elapsed:N2}s = {rate:N0}/s (gen0 GCs: {GC.CollectionCount(0) - gcBefore})");
        return rate;
    }

    private static Task ParallelRunAsync(int concurrency, int total, Func<Task> operation)
    {
        var remaining = total;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
                await operation();
        })));
    }
}
