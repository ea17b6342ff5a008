using Chamber.Workflows.Persistence;
using Chamber.Workflows.Timers;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Tests.Elsa;

/// <summary>
/// Elsa 3's own integration scenarios (see NOTICE.md), imported as Elsa exports them and run to
/// the end with the results Elsa's tests assert. Timers run on a manual clock moved forward until
/// nothing is due, as Elsa's test host runs a workflow "until end".
/// </summary>
public sealed class ElsaScenarioTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(Start);
    private readonly TestEngine _engine;
    private readonly ClockAdvancer _advancer;

    public ElsaScenarioTests()
    {
        _engine = new TestEngine(clock: _clock);
        _advancer = new ClockAdvancer(_clock, new TimerSweeper(_engine.Store, _engine.Runtime, Options.Create(new TimerOptions())), _engine.Runtime);
    }

    /// <summary>FlowchartCompletion: every one of Elsa's six flowcharts runs to Finished (branches, delays, a decision, a nested flowchart, ParallelForEach).</summary>
    [Theory]
    [InlineData("workflow1.json")]
    [InlineData("workflow2.json")]
    [InlineData("workflow3.json")]
    [InlineData("workflow4.json")]
    [InlineData("workflow5.json")]
    [InlineData("workflow6.json")]
    public async Task FlowchartCompletion(string file)
    {
        var instance = await RunUntilEndAsync("FlowchartCompletion", file);
        Assert.Equal(WorkflowStatus.Finished, instance.Info.Status);
    }

    [Fact]
    public async Task ParallelForEach_body_reads_each_item_with_get_current_value()
    {
        var instance = await RunUntilEndAsync("FlowchartCompletion", "workflow6.json");
        var lines = await _engine.MessagesAsync(instance.Info.Id);
        Assert.Equal(["Current fruit: Apple", "Current fruit: Banana", "Current fruit: Cherry"], lines.Where(l => l!.StartsWith("Current", StringComparison.Ordinal)).Order());
    }

    /// <summary>ImportAndExecute: the lines Elsa's test expects, in order.</summary>
    [Theory]
    [InlineData("writeline.json", new[] { "Dummy Text" })]
    [InlineData("implicit-loop.json", new[] { "Do something", "Retry", "Do something", "Done" })]
    public async Task ImportAndExecute(string file, string[] lines)
    {
        var instance = await RunUntilEndAsync("ImportAndExecute", file);
        Assert.Equal(lines, await _engine.MessagesAsync(instance.Info.Id));
    }

    public void Dispose() => _advancer.Dispose();

    private async Task<LoadedInstance> RunUntilEndAsync(string scenario, string file)
    {
        var graph = _engine.PublishJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Elsa", "Scenarios", scenario, file)));
        var started = await _engine.Runtime.StartAsync(graph.Definition.DefinitionId);
        // Events a scenario waits for are published by its test; Delays are moved through here.
        await _advancer.AdvanceToAsync(Start.AddDays(1));
        return await _engine.LoadAsync(started.InstanceId);
    }
}
