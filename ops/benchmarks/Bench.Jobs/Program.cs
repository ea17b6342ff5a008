using System.Diagnostics;
using System.Globalization;
using Chamber.Bench.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

// How many jobs a second Hangfire runs here, on the storages the Host uses, with the Host's
// settings (2 workers, 1 s poll): the ceiling for any work moved onto it (issue 15 asks to decide
// by measuring whether e-mail delivery, launch batches or dispatch retries should be jobs).
// Usage: Bench.Jobs [--jobs 2000] [--postgres "Host=…"]
var arguments = args.ToList();
string? Arg(string name) => arguments.IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
var count = int.Parse(Arg("--jobs") ?? "2000", CultureInfo.InvariantCulture);
var postgres = Arg("--postgres");

Console.WriteLine("Chamber Campaign Workflows — background job benchmark (Hangfire 1.8)");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"conditions: {count:N0} no-op jobs enqueued, then a server with 2 workers runs them; queue poll 1 s; Release build");

var directory = Path.Combine(Path.GetTempPath(), "ccw-bench-jobs-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
try
{
    Report("SQLite file", Measure(new SQLiteStorage(Path.Combine(directory, "jobs.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) }), count));
    if (postgres is not null)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire_bench", QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = true };
        Report("PostgreSQL", Measure(new PostgreSqlStorage(new NpgsqlConnectionFactory(postgres, options), options), count));
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static (double Enqueue, double Run) Measure(JobStorage storage, int count)
{
    var client = new BackgroundJobClient(storage);
    var enqueue = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
        client.Enqueue(() => NoOp.Run(i));
    enqueue.Stop();

    var run = Stopwatch.StartNew();
    using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 2 }, storage))
    {
        var monitor = storage.GetMonitoringApi();
        while (monitor.SucceededListCount() < count)
            Thread.Sleep(20);
    }

    run.Stop();
    return (count / enqueue.Elapsed.TotalSeconds, count / run.Elapsed.TotalSeconds);
}

static void Report(string storage, (double Enqueue, double Run) rates) =>
    Console.WriteLine($"  {storage}: enqueue {rates.Enqueue:N0} jobs/s, run {rates.Run:N0} jobs/s");

namespace Chamber.Bench.Jobs
{
    public static class NoOp
    {
        public static void Run(int number) => GC.KeepAlive(number);
    }
}
