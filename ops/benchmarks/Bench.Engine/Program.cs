using System.Diagnostics;
using System.Runtime.InteropServices;
using Chamber.Bench.Engine;
using Chamber.Workflows.Persistence;

// Engine throughput: workflows/second for a 3-activity flowchart (Start → WriteLine → End) in
// memory, on SQLite and on PostgreSQL, and bookmark resumes/second on SQLite. Each figure is
// the completed count over a timed window after a warm-up, with concurrent callers so that the
// stores' group commit can batch (as a real Host under load would).
var options = BenchOptions.Parse(args);
if (args.Contains("--timers"))
{
    await TimerBenchmark.RunAsync(options);
    return;
}

Console.WriteLine("Chamber Campaign Workflows — engine benchmark");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}");
Console.WriteLine($"conditions: {options.Seconds}s per measurement after {options.WarmupSeconds}s warm-up, {options.Concurrency} concurrent callers ({Environment.ProcessorCount} in memory), Release build, server GC");
Console.WriteLine();

var results = new List<(string Name, double Rate, double Target, string Unit)>();
if (options.Runs('a'))
{
    results.Add(("(a) start→finish, in memory", await Scenarios.StartInMemoryAsync(options, keepEnded: false), 100_000, "workflows/s"));
    results.Add(("(a') same, store keeps every result", await Scenarios.StartInMemoryAsync(options, keepEnded: true), 0, "workflows/s"));
}

if (options.Runs('e'))
{
    // Issue 14's measure: a JavaScript expression (on Jint, an engine per evaluation) in the middle step, against (a).
    var literal = results.Find(r => r.Name.StartsWith("(a)", StringComparison.Ordinal)).Rate;
    var javaScript = await Scenarios.StartInMemoryAsync(options, keepEnded: false, ("JavaScript", "'hello ' + getWorkflowInstanceId().length"));
    results.Add(("(e) same, middle step evaluates JavaScript", javaScript, literal / 2, "workflows/s"));
}

if (options.Runs('f'))
{
    // The same with a Liquid template (on Fluid) in the middle step: reported, no target.
    var liquid = await Scenarios.StartInMemoryAsync(options, keepEnded: false, ("Liquid", "hello {{ WorkflowInstanceId | size }}"));
    results.Add(("(f) same, middle step renders Liquid", liquid, 0, "workflows/s"));
}

var sqlite = Path.Combine(Path.GetTempPath(), $"ccw-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(sqlite);
try
{
    var sqliteStorage = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(sqlite, "bench.db")}" };
    if (options.Runs('b'))
        results.Add(("(b) start→finish, persisted on SQLite", await Scenarios.StartPersistedAsync(options, sqliteStorage), 5_000, "workflows/s"));
    if (options.Runs('g'))
    {
        // Issue 15: the notification seam (a publisher and one subscriber, as the Host's live updates) against (b).
        var fresh = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(sqlite, "bench-notified.db")}" };
        results.Add(("(g) same as (b), with notifications", await Scenarios.StartPersistedAsync(options, fresh, withSubscriber: true), 0, "workflows/s"));
    }
    if (!options.Runs('c'))
    {
    }
    else if (options.Postgres is { } postgres)
        results.Add(("(c) start→finish, persisted on PostgreSQL", await Scenarios.StartPersistedAsync(options, new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = postgres }), 2_000, "workflows/s"));
    else
        Console.WriteLine("(c) skipped: pass --postgres \"<connection string>\" (ops/bench-engine starts a server)");
    if (options.Runs('d'))
        results.Add(("(d) bookmark resumes, SQLite", await Scenarios.ResumeAsync(options, sqliteStorage), 3_000, "resumes/s"));
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(sqlite, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"{"scenario",-44} {"rate",14} {"target",12}  result");
foreach (var (name, rate, target, unit) in results)
    Console.WriteLine($"{name,-44} {rate,10:N0} {unit,-3} {target,10:N0}  {(target == 0 ? "(no target)" : rate >= target ? "meets target" : "BELOW TARGET")}");
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
