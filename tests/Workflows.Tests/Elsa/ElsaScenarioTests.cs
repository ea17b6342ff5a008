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

    /// <summary>
    /// JoinBehaviors (ForkDecisionJoinTests): the lines each join mode lets through. Not run:
    /// fork-decision-join-converge(-strict).json, whose implicit joins ask for Elsa 3.5's
    /// <c>customProperties.mergeMode</c> Merge and Converge — implicit joins here stream (README).
    /// </summary>
    [Theory]
    [InlineData("fork-decision-join-none.json", new[] { "A", "C" })]
    [InlineData("fork-decision-join-waitall.json", new[] { "A", "C", "B", "D" })]
    public async Task JoinBehaviors(string file, string[] lines)
    {
        var instance = await RunUntilEndAsync("JoinBehaviors", file);
        Assert.Equal(lines, await _engine.MessagesAsync(instance.Info.Id));
    }

    /// <summary>JoinBehaviors: a join fed by both branches of a decision (only one runs) lets the workflow finish.</summary>
    [Fact]
    public async Task JoinBehaviors_decision_merge_finishes()
    {
        var instance = await RunUntilEndAsync("JoinBehaviors", "decision-merge-join-none.json");
        Assert.Equal(WorkflowStatus.Finished, instance.Info.Status);
    }

    /// <summary>JoinBehaviors: the join runs once (JoinRunsOnceTests), and a ParallelForEach whose body has a join completes (ParallelJoinCompletesTests).</summary>
    [Theory]
    [InlineData("join.json", "802725996be1b582")]
    public async Task JoinBehaviors_join_completes_once(string file, string joinId)
    {
        var instance = await RunUntilEndAsync("JoinBehaviors", file);
        var journal = await _engine.Store.ReadJournalAsync(instance.Info.Id);
        Assert.Single(journal, j => j.ActivityId == joinId && j.EventName == JournalEvents.Completed);
    }

    [Fact]
    public async Task JoinBehaviors_parallel_for_each_with_a_join_completes()
    {
        var instance = await RunUntilEndAsync("JoinBehaviors", "parallel-join.json");
        Assert.Equal(WorkflowStatus.Finished, instance.Info.Status);
    }

    /// <summary>
    /// ExplicitJoins (ExplicitJoinWaitAnyTests): the lines and Finished. Elsa's test expects
    /// "Start; Line 1; Line 2; End" of join-all-2.json too, but that file's second branch is a
    /// FlowNode, which writes nothing: the lines the file itself produces are asserted.
    /// </summary>
    [Theory]
    [InlineData("join-any-1.json", "Start; End")]
    [InlineData("join-all-1.json", "Start; Line 1; Line 2; End")]
    [InlineData("join-all-2.json", "Start; Line 1; End")]
    public async Task ExplicitJoins(string file, string lines)
    {
        var instance = await RunUntilEndAsync("ExplicitJoins", file);
        Assert.Equal(lines.Split("; "), await _engine.MessagesAsync(instance.Info.Id));
        Assert.Equal(WorkflowStatus.Finished, instance.Info.Status);
    }

    /// <summary>WorkflowOutputMapping: a RunCSharp's result bound straight to a workflow output is in the instance's outputs.</summary>
    [Fact]
    public async Task WorkflowOutputMapping()
    {
        var instance = await RunUntilEndAsync("WorkflowOutputMapping", "workflow-output.json");
        Assert.Equal("Foo", TestEngine.Output(instance, "Output1"));
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
