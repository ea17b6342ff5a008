using System.Diagnostics;
using System.Runtime.InteropServices;
using Chamber.Workflows.Persistence;

namespace Chamber.Bench.Engine;

/// <summary>`ops/bench-timers`: timer lateness under load and backlog firing rate, with targets.</summary>
internal static class TimerBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine("Chamber Campaign Workflows — timer benchmark");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        var folder = Directory.CreateTempSubdirectory("ccw-bench-timers-").FullName;
        var rows = new List<(string Name, string Figure, bool Met)>();
        try
        {
            var sqlite = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "late.db")}" };
            var (p50, p99, _) = await TimerScenarios.LatenessAsync(sqlite, perSecond: 200, seconds: 20);
            rows.Add(("lateness under load, SQLite (p50 / p99)", $"{p50:N0} / {p99:N0} ms", p99 <= 1000));

            var backlogSqlite = new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "backlog.db")}" };
            var rate = await TimerScenarios.BacklogAsync(backlogSqlite, options.Timers, options.Concurrency);
            rows.Add(($"backlog of {options.Timers:N0}, SQLite", $"{rate:N0} timers/s", rate >= 2000));
            if (options.Postgres is { } postgres)
            {
                var pg = await TimerScenarios.BacklogAsync(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = postgres }, options.Timers, options.Concurrency);
                rows.Add(($"backlog of {options.Timers:N0}, PostgreSQL", $"{pg:N0} timers/s", pg >= 2000));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine();
        foreach (var (name, figure, met) in rows)
            Console.WriteLine($"{name,-44} {figure,18}  {(met ? "meets target" : "BELOW TARGET")}");
        Console.WriteLine($"targets: p99 lateness ≤ 1 s; backlog ≥ 2,000 timers/s. Peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
    }
}
