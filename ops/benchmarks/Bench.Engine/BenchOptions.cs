using System.Globalization;

namespace Chamber.Bench.Engine;

internal sealed record BenchOptions(int Seconds, int WarmupSeconds, int Concurrency, int ResumeInstances, string? Postgres, string Only, int Timers)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new BenchOptions(Int("--seconds", 5), Int("--warmup", 2), Int("--concurrency", 64), Int("--resume-instances", 150_000),
            Value("--postgres") ?? Environment.GetEnvironmentVariable("WORKFLOWS_BENCH_POSTGRES"), Value("--only") ?? "abcdefg", Int("--timers-backlog", 100_000));
    }

    /// <summary>Whether scenario a, b, c, d, e, f or g was asked for (<c>--only bd</c> runs two).</summary>
    public bool Runs(char scenario) => Only.Contains(scenario, StringComparison.Ordinal);
}
