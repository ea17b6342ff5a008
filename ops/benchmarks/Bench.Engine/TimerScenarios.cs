using System.Collections.Concurrent;
using System.Diagnostics;
using Chamber.Workflows;
using Chamber.Workflows.Definitions;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Chamber.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chamber.Bench.Engine;

/// <summary>Timer figures (issue 3): backlog firing rate on the manual clock, and lateness on the real clock.</summary>
internal static class TimerScenarios
{
    private static string Delay(string id, string span) => """
        {"definitionId":"ID","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"SPAN"}}},
          {"id":"end","type":"Elsa.End"}],
         "connections":[{"source":{"activity":"wait","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """.Replace("ID", id, StringComparison.Ordinal).Replace("SPAN", span, StringComparison.Ordinal);

    /// <summary>N instances wait on a 1-hour Delay; the manual clock jumps an hour; timers fired per second until none is left.</summary>
    public static async Task<double> BacklogAsync(StorageOptions storage, int timers, int concurrency)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var services = Build(storage, clock);
        await services.MigrateWorkflowDatabaseAsync();
        await services.GetRequiredService<DefinitionService>().ImportAsync(Delay("bench-backlog", "PT1H"));
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, timers), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (_, ct) => await runtime.StartAsync("bench-backlog", cancellationToken: ct));
        Console.WriteLine($"  {storage.Provider}: {timers:N0} pending timers created in {setup.Elapsed.TotalSeconds:N1}s");

        clock.MoveTo(clock.GetUtcNow().AddHours(1));
        var sweeper = services.GetRequiredService<TimerSweeper>();
        var firing = Stopwatch.StartNew();
        var fired = await sweeper.FireDueAsync(clock.GetUtcNow());
        var rate = fired / firing.Elapsed.TotalSeconds;
        var left = await services.GetRequiredService<IWorkflowInstanceStore>().NextDueAtAsync();
        Console.WriteLine($"  {storage.Provider}: fired {fired:N0} due timers in {firing.Elapsed.TotalSeconds:N1}s = {rate:N0}/s{(left is null ? "" : " (SOME LEFT)")}");
        return rate;
    }

    /// <summary>
    /// Real clock: instances with Delays of 1–5 s started at a steady rate while the timer service
    /// polls; lateness = when the instance finished minus when its timer was due.
    /// </summary>
    public static async Task<(double P50, double P99, double Max)> LatenessAsync(StorageOptions storage, int perSecond, int seconds)
    {
        // A real host, so the timer sweep runs as in production: Quartz's persistent store, its hosted service.
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddWorkflowEngine(s =>
        {
            s.Provider = storage.Provider;
            s.ConnectionString = storage.ConnectionString;
        });
        using var host = builder.Build();
        var services = host.Services;
        await services.MigrateWorkflowDatabaseAsync();
        var definitions = services.GetRequiredService<DefinitionService>();
        for (var s = 1; s <= 5; s++)
            await definitions.ImportAsync(Delay($"bench-late-{s}", $"PT{s}S"));
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        await host.StartAsync();

        var due = new ConcurrentDictionary<string, DateTimeOffset>();
        var random = new Random(42);
        var ticker = Stopwatch.StartNew();
        var started = 0;
        var pending = new List<Task>();
        while (ticker.Elapsed.TotalSeconds < seconds)
        {
            var target = (int)(ticker.Elapsed.TotalSeconds * perSecond);
            for (; started < target; started++)
            {
                var delay = random.Next(1, 6);
                pending.Add(Task.Run(async () =>
                {
                    var at = DateTimeOffset.UtcNow;
                    var result = await runtime.StartAsync($"bench-late-{delay}");
                    due[result.InstanceId] = at.AddSeconds(delay);
                }));
            }

            await Task.Delay(10);
        }

        await Task.WhenAll(pending);
        var store = services.GetRequiredService<IWorkflowInstanceStore>();
        while (await store.NextDueAtAsync() is not null)
            await Task.Delay(200);
        await Task.Delay(500);
        await host.StopAsync();

        var lateness = new List<double>();
        foreach (var (id, dueAt) in due)
        {
            var instance = await store.LoadAsync(id);
            if (instance?.Info.FinishedAt is { } finished)
                lateness.Add(Math.Max(0, (finished - dueAt).TotalMilliseconds));
        }

        lateness.Sort();
        double Percentile(double p) => lateness[Math.Min(lateness.Count - 1, (int)Math.Ceiling(p * lateness.Count) - 1)];
        Console.WriteLine($"  {storage.Provider}: {due.Count:N0} timers ({perSecond}/s for {seconds}s, 1–5 s delays, 250 ms Quartz sweep), {lateness.Count:N0} fired: " +
                          $"lateness p50 {Percentile(0.50):N0} ms, p99 {Percentile(0.99):N0} ms, max {lateness[^1]:N0} ms");
        return (Percentile(0.50), Percentile(0.99), lateness[^1]);
    }

    private static ServiceProvider Build(StorageOptions storage, TimeProvider clock) => new ServiceCollection()
        .AddLogging()
        .AddSingleton(clock)
        .AddWorkflowEngine(s =>
        {
            s.Provider = storage.Provider;
            s.ConnectionString = storage.ConnectionString;
        })
        .BuildServiceProvider();
}
