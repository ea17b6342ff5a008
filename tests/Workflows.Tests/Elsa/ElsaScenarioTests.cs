using Chamber.Workflows.Activities.Children;
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
    /// JoinBehaviors (ForkDecisionJoinTests): the lines each merge mode lets through. Stream runs C
    /// after A although the decision never took B's branch; Merge (customProperties.mergeMode) and
    /// Converge wait for B, which never comes, and the workflow still finishes.
    /// </summary>
    [Theory]
    [InlineData("fork-decision-join-none.json", new[] { "A", "C" })]
    [InlineData("fork-decision-join-converge.json", new[] { "A" })]
    [InlineData("fork-decision-join-converge-strict.json", new[] { "A" })]
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

    /// <summary>
    /// WorkflowDefinitionActivities (Tests.cs): a workflow used as an activity gets its input from
    /// the parent, hands its output back (getOutputFromChildWithOutput1()), continues the parent on
    /// the outcome its Complete chose, and a pinned version that does not exist falls back to the
    /// published one (whose root is a single WriteLine). Lines are gathered from the parent and
    /// its child instances, as Elsa's capturing writer gathers them from the one run.
    /// </summary>
    [Theory]
    [InlineData("parent-with-input", "Hello from parent!")]
    [InlineData("parent-with-output", "Received from child: Child output value")]
    [InlineData("parent-with-outcomes", "Success path taken")]
    [InlineData("parent-version-fallback", "Published version executed")]
    public async Task WorkflowDefinitionActivities(string definitionId, string line)
    {
        var lines = await RunComposedAsync("WorkflowDefinitionActivities", definitionId);
        Assert.Contains(line, lines);
        if (definitionId == "parent-with-outcomes")
            Assert.DoesNotContain("Failed path taken", lines);
    }

    /// <summary>
    /// The other scenarios of workflows used as activities, with the lines Elsa's tests expect, in
    /// order: ParentChildInputs (the child gets the parent's value for its input, not the parent's
    /// own workflow input of the same name), ParentChildOutputMapping (a child's output bound to the
    /// parent's variable or output, also when several levels use the same output names),
    /// ParentChildCompletion, CompositesAndOutcomes (a Complete inside a nested workflow does not
    /// complete the outer ones), DependencyWorkflows (three levels deep: 9 atoms).
    /// </summary>
    [Theory]
    [InlineData("ParentChildInputs", "6a4f5aeecbf94fc09dbba65363c5cb57", "Parent: Foo; Child: Bar")]
    [InlineData("ParentChildInputs", "8ad20b5ff9ee4ff59b8dfcfb6d4e29a0", "Parent: Foo; Child: Foo")]
    [InlineData("ParentChildOutputMapping", "g-yf4Gck40S_T1E5pW8OVA", "Result: 9")]
    [InlineData("ParentChildOutputMapping", "133353946cd83e1d", "FooBar")]
    [InlineData("ParentChildOutputMapping", "a7e44620e65e7184", "Foo")]
    [InlineData("CompositesAndOutcomes", "tester", "Start; End")]
    [InlineData("DependencyWorkflows", "matter-workflow", "Atom; Atom; Atom; Atom; Atom; Atom; Atom; Atom; Atom")]
    public async Task Workflows_used_as_activities(string scenario, string definitionId, string lines)
    {
        var input = new Dictionary<string, object?> { ["Input1"] = "Foo" };
        Assert.Equal(lines.Split("; "), await RunComposedAsync(scenario, definitionId, input));
    }

    /// <summary>
    /// ParentChildCompletion: the parent finishes (what Elsa's test asserts) on the child's Success
    /// outcome. The parent names the child by a definition and version id the child file does not
    /// have, so it is found, as in Elsa, by its type: the child's name in PascalCase.
    /// </summary>
    [Fact]
    public async Task ParentChildCompletion()
    {
        var lines = await RunComposedAsync("ParentChildCompletion", "89d6fe82a11fbed6");

        Assert.Equal("Start", lines[0]);
        Assert.Equal("Success", lines[^1]);
        Assert.DoesNotContain("Failure", lines);
    }

    /// <summary>
    /// DependencyWorkflowsPublishing, as behaviour: Elsa's test asserts that publishing a new child
    /// version points the consuming parent at it. Here a parent drawn with child v1 runs v2 once
    /// v2 is published with autoUpdateConsumingWorkflows, and keeps v1 without it.
    /// </summary>
    [Theory]
    [InlineData(true, "v2")]
    [InlineData(false, "v1")]
    public async Task A_consuming_workflow_follows_a_republished_child_that_asks_for_it(bool autoUpdate, string line)
    {
        const string Child = """
            {"id":"@ID@","definitionId":"child","name":"Child","version":@VERSION@,"isPublished":true,
             "options":{"usableAsActivity":true,"autoUpdateConsumingWorkflows":@AUTO@},
             "root":{"type":"Elsa.WriteLine","id":"w","text":{"typeName":"String","expression":{"type":"Literal","value":"@ID@"}}}}
            """;
        _engine.PublishJson(Child.Replace("@ID@", "v1").Replace("@VERSION@", "1").Replace("@AUTO@", autoUpdate ? "true" : "false"));
        _engine.PublishJson("""
            {"definitionId":"parent","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"child","type":"Child","workflowDefinitionId":"child","workflowDefinitionVersionId":"v1"}]}}
            """);
        _engine.PublishJson(Child.Replace("@ID@", "v2").Replace("@VERSION@", "2").Replace("@AUTO@", autoUpdate ? "true" : "false"));

        var started = await _engine.Runtime.StartAsync("parent");
        await _engine.Runtime.DrainDispatchesAsync();

        Assert.Equal([line], await LinesOfRunAsync(started.InstanceId));
    }

    /// <summary>ImportAndPublish (cron and timer tests): the good cron and the timer workflow publish; the bad cron is refused, naming the activity and the problem.</summary>
    [Theory]
    [InlineData("cron-every-hour.json")]
    [InlineData("timer-workflow.json")]
    public void ImportAndPublish_good_definitions_publish(string file)
    {
        var graph = _engine.PublishJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Elsa", "Scenarios", "ImportAndPublish", file)));
        Assert.NotNull(graph.Definition.Root);
    }

    [Fact]
    public void ImportAndPublish_a_bad_cron_expression_is_refused_with_one_error()
    {
        var error = Assert.Throws<DefinitionValidationException>(() =>
            _engine.PublishJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Elsa", "Scenarios", "ImportAndPublish", "bad-cron-expression.json"))));

        var message = Assert.Single(error.Errors);
        Assert.Contains("Cron1", message, StringComparison.Ordinal);
        Assert.Contains("BadCronExpression", message, StringComparison.Ordinal);
    }

    /// <summary>JsonObjectSerialization: a user object holding "$id" (a JSON schema) goes into a variable, is copied to another, and survives the state's round trip.</summary>
    [Fact]
    public async Task JsonObjectSerialization_an_object_with_a_dollar_id_survives_the_state()
    {
        var instance = await RunUntilEndAsync("JsonObjectSerialization", "instance-serialization.json");

        Assert.Equal(WorkflowStatus.Finished, instance.Info.Status);
        var copied = System.Text.Json.JsonSerializer.Serialize(TestEngine.Variable(instance, "4e256dab27d33eac"));
        Assert.Contains("\"$id\":\"#/definitions/inform-front-office-input-afd\"", copied, StringComparison.Ordinal);
    }

    /// <summary>
    /// Elsa's component scenarios that are workflow behaviour (test/component, JSON workflows):
    /// BasicWorkflows and WorkflowCompletion finish. (CachingAndWorkflowDefinitionActivity's parent
    /// starts with an HTTP endpoint, which this engine does not have.)
    /// </summary>
    [Theory]
    [InlineData("BasicWorkflows", "1590068018aa4f0a")]
    [InlineData("WorkflowCompletion", "2630068018ac1f0a")]
    [InlineData("WorkflowCompletion", "5590069018aa4f0e")]
    public async Task Component_scenarios_finish(string scenario, string definitionId) =>
        await RunComposedAsync(Path.Combine("Component", scenario), definitionId);

    /// <summary>InputOutput (component): the consumer hands "Hello World!" to the provider, used as an activity, and gets it back into its variable.</summary>
    [Fact]
    public async Task Component_InputOutput_the_provider_returns_the_consumers_input()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Elsa", "Scenarios", "Component", "InputOutput")))
            _engine.PublishJson(File.ReadAllText(file));

        var started = await _engine.Runtime.StartAsync("58dbd7bffa85a761");
        await _engine.Runtime.DrainDispatchesAsync();

        var consumer = await _engine.LoadAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, consumer.Info.Status);
        Assert.Equal("Hello World!", TestEngine.Variable(consumer, "67fcb9870af4c28e"));
    }

    public void Dispose() => _advancer.Dispose();

    // Publishes every workflow of the scenario, runs one with its children to the end, and returns the lines of the run.
    private async Task<List<string?>> RunComposedAsync(string scenario, string definitionId, Dictionary<string, object?>? input = null)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Elsa", "Scenarios", scenario)))
            _engine.PublishJson(File.ReadAllText(file));

        var started = await _engine.Runtime.StartAsync(definitionId, input);
        await _engine.Runtime.DrainDispatchesAsync();

        var instance = await _engine.LoadAsync(started.InstanceId);
        Assert.True(instance.Info.Status == WorkflowStatus.Finished, string.Join("; ", instance.State.Incidents.Select(i => i.Message)));
        return await LinesOfRunAsync(started.InstanceId);
    }

    // The instance's lines in journal order, with the lines of each child it waited for where it started waiting.
    private async Task<List<string?>> LinesOfRunAsync(string instanceId)
    {
        var lines = new List<string?>();
        var childPrefix = ChildWorkflowActivity.BookmarkName + ": ";
        foreach (var entry in await _engine.Store.ReadJournalAsync(instanceId))
        {
            if (entry.EventName == JournalEvents.Message)
                lines.Add(entry.Message);
            else if (entry.EventName == JournalEvents.Suspended && entry.Message?.StartsWith(childPrefix, StringComparison.Ordinal) == true)
                lines.AddRange(await LinesOfRunAsync(entry.Message[childPrefix.Length..]));
        }

        return lines;
    }

    private async Task<LoadedInstance> RunUntilEndAsync(string scenario, string file)
    {
        var graph = _engine.PublishJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Elsa", "Scenarios", scenario, file)));
        var started = await _engine.Runtime.StartAsync(graph.Definition.DefinitionId);
        // Events a scenario waits for are published by its test; Delays are moved through here.
        await _advancer.AdvanceToAsync(Start.AddDays(1));
        return await _engine.LoadAsync(started.InstanceId);
    }
}
