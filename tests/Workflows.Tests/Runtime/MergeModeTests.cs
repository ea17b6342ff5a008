namespace Chamber.Workflows.Tests.Runtime;

/// <summary>
/// Implicit joins by merge mode (Elsa 3.5's <c>customProperties.mergeMode</c>): a fork into A and
/// B, both connected to C. B either writes a line at once or waits for the event "b".
/// </summary>
public sealed class MergeModeTests
{
    private readonly TestEngine _engine = new();

    private string Publish(string mergeMode, bool bWaits, string extraActivity = "", string extraConnection = "")
    {
        var id = $"merge-{mergeMode}-{bWaits}-{extraConnection.Length > 0}";
        var b = bWaits
            ? """{"id":"b","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"b"}}}"""
            : """{"id":"b","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"B"}}}""";
        var custom = mergeMode == "" ? "" : $$""","customProperties":{"mergeMode":"{{mergeMode}}"}""";
        var c = """{"id":"c","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"C"}}""" + custom + "}";
        _engine.PublishJson("""
            {"definitionId":"@ID@","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"start","type":"Elsa.Start"},
              {"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"A\",\"B\"]"}}},
              {"id":"a","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"A"}}},
              @B@,
              @C@@ACT@],
             "connections":[
              {"source":{"activity":"start","port":"Done"},"target":{"activity":"fork","port":"In"}},
              {"source":{"activity":"fork","port":"A"},"target":{"activity":"a","port":"In"}},
              {"source":{"activity":"fork","port":"B"},"target":{"activity":"b","port":"In"}},
              {"source":{"activity":"a","port":"Done"},"target":{"activity":"c","port":"In"}},
              {"source":{"activity":"b","port":"Done"},"target":{"activity":"c","port":"In"}}@EXTRA@]}}
            """.Replace("@ID@", id).Replace("@B@", b).Replace("@C@", c).Replace("@ACT@", extraActivity).Replace("@EXTRA@", extraConnection));
        return id;
    }

    [Theory]
    [InlineData("")]
    [InlineData("Stream")]
    [InlineData("Merge")]
    [InlineData("Converge")]
    [InlineData("Cascade")]
    public async Task Two_branches_that_both_arrive_run_the_join_once(string mode)
    {
        var result = await _engine.Runtime.StartAsync(Publish(mode, bWaits: false));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["A", "B", "C"], await _engine.MessagesAsync(result.InstanceId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Merge")]
    [InlineData("Converge")]
    public async Task A_waiting_branch_holds_the_join_until_it_arrives_across_a_suspension(string mode)
    {
        var started = await _engine.Runtime.StartAsync(Publish(mode, bWaits: true));
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal(["A"], await _engine.MessagesAsync(started.InstanceId));

        var resumed = Assert.Single(await _engine.Runtime.PublishEventAsync("b", null, null));

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal(["A", "C"], await _engine.MessagesAsync(started.InstanceId));
    }

    [Fact]
    public async Task Cascade_runs_on_the_first_arrival_and_absorbs_the_later_one()
    {
        var started = await _engine.Runtime.StartAsync(Publish("Cascade", bWaits: true));
        Assert.Equal(["A", "C"], await _engine.MessagesAsync(started.InstanceId));
        Assert.Equal(WorkflowStatus.Suspended, started.Status);

        var resumed = Assert.Single(await _engine.Runtime.PublishEventAsync("b", null, null));

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal(["A", "C"], await _engine.MessagesAsync(started.InstanceId));
    }

    [Fact]
    public async Task Race_cancels_a_branch_that_had_not_run_yet()
    {
        var result = await _engine.Runtime.StartAsync(Publish("Race", bWaits: false));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["A", "C"], await _engine.MessagesAsync(result.InstanceId));
    }

    [Fact]
    public async Task Race_runs_on_the_first_arrival_and_cancels_the_branch_still_waiting()
    {
        var result = await _engine.Runtime.StartAsync(Publish("Race", bWaits: true));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["A", "C"], await _engine.MessagesAsync(result.InstanceId));
        Assert.Empty(result.Bookmarks);
    }

    [Theory]
    [InlineData("Merge", new[] { "A", "B", "C" })]
    [InlineData("Converge", new[] { "A", "B" })]
    public async Task Converge_also_waits_for_a_loop_back_and_merge_does_not(string mode, string[] lines)
    {
        // After C a decision could go round to C again (it never does): a backward connection into C.
        var again = """,{"id":"again","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"Literal","value":"false"}}}""";
        var loop = """,{"source":{"activity":"c","port":"Done"},"target":{"activity":"again","port":"In"}},{"source":{"activity":"again","port":"True"},"target":{"activity":"c","port":"In"}}""";
        var result = await _engine.Runtime.StartAsync(Publish(mode, bWaits: false, again, loop));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(lines, await _engine.MessagesAsync(result.InstanceId));
    }

    [Fact]
    public async Task An_unknown_merge_mode_is_the_default()
    {
        var result = await _engine.Runtime.StartAsync(Publish("Sideways", bWaits: false));

        Assert.Equal(["A", "B", "C"], await _engine.MessagesAsync(result.InstanceId));
    }
}
