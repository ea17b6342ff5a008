namespace Chamber.Workflows.Tests.Runtime;

public sealed class InterpreterTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public async Task Hello_world_writes_its_text_to_the_journal_and_finishes()
    {
        _engine.Publish("hello-world.json");

        var result = await _engine.Runtime.StartAsync("hello-world");

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["你好，世界 Hello World"], await _engine.MessagesAsync(result.InstanceId));
        var journal = await _engine.Store.ReadJournalAsync(result.InstanceId);
        Assert.Equal(JournalEvents.WorkflowStarted, journal[0].EventName);
        Assert.Equal(JournalEvents.WorkflowFinished, journal[^1].EventName);
        Assert.Contains(journal, j => j.ActivityId == "end" && j.EventName == JournalEvents.Completed);
    }

    [Fact]
    public async Task Loop_back_with_javascript_and_csharp_counts_to_the_input_limit()
    {
        _engine.Publish("counter-loop-legacy.json");

        var result = await _engine.Runtime.StartAsync("counter-loop", new Dictionary<string, object?> { ["Limit"] = 5 });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var instance = await _engine.LoadAsync(result.InstanceId);
        Assert.Equal(5, TestEngine.Variable(instance, "var-counter"));
        Assert.Equal(50, TestEngine.Output(instance, "Total"));
        Assert.Equal(["counted to 5"], await _engine.MessagesAsync(result.InstanceId));
    }

    [Fact]
    public async Task Fork_and_wait_all_join_continue_only_after_both_branches()
    {
        _engine.Publish("approval-fork-join.json");
        var started = await _engine.Runtime.StartAsync("approval-fork-join");
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal(2, started.Bookmarks.Count);

        var leader = started.Bookmarks.Single(b => b.Key == "leader-approved");
        var afterLeader = await _engine.Runtime.ResumeAsync(leader.Id);
        Assert.Equal(WorkflowStatus.Suspended, afterLeader.Status);
        Assert.Empty(await _engine.MessagesAsync(started.InstanceId));

        var staff = afterLeader.Bookmarks.Single();
        var done = await _engine.Runtime.ResumeAsync(staff.Id, "同意");
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal(["approved 2 times"], await _engine.MessagesAsync(started.InstanceId));
        Assert.Equal("同意", TestEngine.Output(await _engine.LoadAsync(started.InstanceId), "Comment"));
    }

    [Fact]
    public async Task Wait_any_join_continues_on_the_first_branch_and_cancels_the_other()
    {
        _engine.Publish("first-reply-wins.json");
        var started = await _engine.Runtime.StartAsync("first-reply-wins");

        var results = await _engine.Runtime.PublishEventAsync("reply-b", null, null);

        Assert.Equal(WorkflowStatus.Finished, Assert.Single(results).Status);
        Assert.Empty(await _engine.Store.FindBookmarksAsync("Elsa.Event", "reply-a", null));
        var journal = await _engine.Store.ReadJournalAsync(started.InstanceId);
        Assert.Contains(journal, j => j.ActivityId == "wait-a" && j.EventName == JournalEvents.Cancelled);
        Assert.Equal(["first reply arrived"], await _engine.MessagesAsync(started.InstanceId));
    }

    [Theory]
    [InlineData(95, "优秀")]
    [InlineData(60, "合格")]
    [InlineData(10, "不合格")]
    public async Task Switch_takes_the_first_matching_case_or_default(int score, string grade)
    {
        _engine.Publish("score-switch.json");

        var result = await _engine.Runtime.StartAsync("score-switch", new Dictionary<string, object?> { ["Score"] = score });

        Assert.Equal(grade, TestEngine.Output(await _engine.LoadAsync(result.InstanceId), "Grade"));
    }

    [Fact]
    public async Task Sequence_foreach_and_parallel_foreach_visit_every_item()
    {
        _engine.Publish("chamber-checklist.json");

        var result = await _engine.Runtime.StartAsync("chamber-checklist");

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["有班子;有场所;有制度; count=43"], await _engine.MessagesAsync(result.InstanceId));
    }

    [Fact]
    public async Task Parent_waits_for_its_child_and_receives_its_output()
    {
        _engine.Publish("child-doubler.json");
        _engine.Publish("parent-of-doubler.json");

        var parent = await _engine.Runtime.StartAsync("parent-of-doubler");
        Assert.Equal(WorkflowStatus.Suspended, parent.Status);
        Assert.Equal(1, await _engine.Runtime.DrainDispatchesAsync());

        var childResumes = await _engine.Runtime.PublishEventAsync("child-go", null, null);
        var child = Assert.Single(childResumes);
        Assert.True(child.Status == WorkflowStatus.Finished, child.Fault?.Message);
        Assert.Equal(WorkflowStatus.Suspended, (await _engine.LoadAsync(parent.InstanceId)).Info.Status);

        Assert.Equal(1, await _engine.Runtime.DrainDispatchesAsync());
        var finished = await _engine.LoadAsync(parent.InstanceId);
        Assert.True(finished.Info.Status == WorkflowStatus.Finished, string.Join("; ", finished.State.Incidents.Select(i => i.Message)));
        Assert.Equal(42, TestEngine.Output(finished, "Answer"));
    }

    [Fact]
    public async Task Cancelling_a_parent_cancels_its_waiting_child()
    {
        _engine.Publish("child-doubler.json");
        _engine.Publish("parent-of-doubler.json");
        var parent = await _engine.Runtime.StartAsync("parent-of-doubler");
        await _engine.Runtime.DrainDispatchesAsync();

        var cancelled = await _engine.Runtime.CancelAsync(parent.InstanceId);

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Empty(await _engine.Store.FindBookmarksAsync("Elsa.Event", "child-go", null));
        await _engine.Runtime.DrainDispatchesAsync();
        Assert.Empty(await _engine.Store.PendingDispatchesAsync(10));
    }

    [Fact]
    public async Task A_fault_becomes_an_incident_and_retry_runs_the_faulted_activity_again()
    {
        _engine.Publish("flaky-step.json");

        var faulted = await _engine.Runtime.StartAsync("flaky-step");

        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Equal("call", faulted.Fault!.ActivityId);
        Assert.Contains("service not ready", faulted.Fault.Message, StringComparison.Ordinal);
        var stored = await _engine.LoadAsync(faulted.InstanceId);
        Assert.Single(stored.State.Incidents);

        var retried = await _engine.Runtime.RetryAsync(faulted.InstanceId);

        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        Assert.Equal(["ok after 2"], await _engine.MessagesAsync(faulted.InstanceId));
        Assert.Empty((await _engine.LoadAsync(faulted.InstanceId)).State.Incidents);
    }

    [Fact]
    public async Task Retry_of_an_instance_that_is_not_faulted_is_a_conflict()
    {
        _engine.Publish("hello-world.json");
        var result = await _engine.Runtime.StartAsync("hello-world");

        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.Runtime.RetryAsync(result.InstanceId));
    }

    [Fact]
    public async Task Fault_activity_faults_with_its_code_and_message()
    {
        _engine.PublishJson("""
            {"definitionId":"fails","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"boom","type":"Elsa.Fault","code":{"typeName":"String","expression":{"type":"Literal","value":"E42"}},
               "message":{"typeName":"String","expression":{"type":"Literal","value":"材料缺失"}}}],"connections":[]}}
            """);

        var result = await _engine.Runtime.StartAsync("fails");

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("E42: 材料缺失", result.Fault!.Message);
    }

    [Fact]
    public async Task Running_into_an_unknown_activity_type_faults_clearly()
    {
        _engine.Publish("unknown-activity.json");

        var result = await _engine.Runtime.StartAsync("unknown-activity");

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("geocode", result.Fault!.ActivityId);
        Assert.Contains("'Acme.Geocode' is not registered", result.Fault.Message, StringComparison.Ordinal);
        Assert.Equal(["before"], await _engine.MessagesAsync(result.InstanceId));
    }

    [Fact]
    public async Task Cancel_removes_every_bookmark_and_a_second_cancel_is_a_conflict()
    {
        _engine.Publish("approval-fork-join.json");
        var started = await _engine.Runtime.StartAsync("approval-fork-join");

        var cancelled = await _engine.Runtime.CancelAsync(started.InstanceId);

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.Bookmarks);
        Assert.Empty(await _engine.Store.FindBookmarksAsync("Elsa.Event", "leader-approved", null));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => _engine.Runtime.CancelAsync(started.InstanceId));
    }

    [Fact]
    public async Task Concurrent_resumes_of_one_bookmark_apply_once()
    {
        _engine.Publish("approval-fork-join.json");
        var started = await _engine.Runtime.StartAsync("approval-fork-join");
        var leader = started.Bookmarks.Single(b => b.Key == "leader-approved");

        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _engine.Runtime.ResumeAsync(leader.Id);
                return true;
            }
            catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
            {
                return false;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o);
        Assert.Equal(1, TestEngine.Variable(await _engine.LoadAsync(started.InstanceId), "approvals"));
    }

    [Fact]
    public async Task An_event_trigger_starts_a_new_instance_with_the_event_payload()
    {
        _engine.PublishJson("""
            {"definitionId":"on-submitted","isPublished":true,"outputs":[{"type":"Object","name":"Payload"}],
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"when","type":"Elsa.Event","customProperties":{"canStartWorkflow":true},
               "eventName":{"typeName":"String","expression":{"type":"Literal","value":"plan-submitted"}},
               "result":{"typeName":"Object","memoryReference":{"id":"Payload"}}},
              {"id":"log","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"JavaScript","value":"'received'"}}}],
             "connections":[{"source":{"activity":"when","port":"Done"},"target":{"activity":"log","port":"In"}}]}}
            """);

        var results = await _engine.Runtime.PublishEventAsync("plan-submitted", "chamber-7", new Dictionary<string, object?> { ["chamber"] = "温州商会" });

        var started = Assert.Single(results);
        Assert.Equal(WorkflowStatus.Finished, started.Status);
        var instance = await _engine.LoadAsync(started.InstanceId);
        Assert.Equal("chamber-7", instance.Info.CorrelationId);
        var payload = Assert.IsType<Dictionary<string, object?>>(TestEngine.Output(instance, "Payload"));
        Assert.Equal("温州商会", payload["chamber"]);
    }

    [Fact]
    public async Task Finish_ends_the_workflow_even_with_other_branches_waiting()
    {
        _engine.PublishJson("""
            {"definitionId":"finish-early","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Wait\",\"Stop\"]"}}},
              {"id":"wait","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"never"}}},
              {"id":"stop","type":"Elsa.Finish"}],
             "connections":[{"source":{"activity":"fork","port":"Wait"},"target":{"activity":"wait","port":"In"}},
                            {"source":{"activity":"fork","port":"Stop"},"target":{"activity":"stop","port":"In"}}]}}
            """);

        var result = await _engine.Runtime.StartAsync("finish-early");

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Empty(await _engine.Store.FindBookmarksAsync("Elsa.Event", "never", null));
    }

    [Fact]
    public async Task A_resume_that_arrives_while_faulted_waits_behind_the_fault_and_runs_after_retry()
    {
        _engine.PublishJson("""
            {"definitionId":"fault-and-wait","isPublished":true,
             "variables":[{"id":"tries","name":"Tries","typeName":"Int32","value":"0"},{"id":"out","name":"Out","typeName":"String"}],
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Wait\",\"Work\"]"}}},
              {"id":"wait","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"go-on"}}},
              {"id":"work","type":"Elsa.SetVariable","variable":{"id":"out","name":"Out","typeName":"String"},
               "value":{"typeName":"Object","expression":{"type":"JavaScript","value":"setTries(getTries() + 1); if (getTries() < 2) { throw new Error('not yet'); } 'done'"}}},
              {"id":"join","type":"Elsa.FlowJoin"},
              {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"both branches done"}}}],
             "connections":[
              {"source":{"activity":"fork","port":"Wait"},"target":{"activity":"wait","port":"In"}},
              {"source":{"activity":"fork","port":"Work"},"target":{"activity":"work","port":"In"}},
              {"source":{"activity":"wait","port":"Done"},"target":{"activity":"join","port":"In"}},
              {"source":{"activity":"work","port":"Done"},"target":{"activity":"join","port":"In"}},
              {"source":{"activity":"join","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
            """);
        var started = await _engine.Runtime.StartAsync("fault-and-wait");
        Assert.Equal(WorkflowStatus.Faulted, started.Status);

        var resumed = Assert.Single(await _engine.Runtime.PublishEventAsync("go-on", null, null));
        Assert.Equal(WorkflowStatus.Faulted, resumed.Status);
        Assert.Empty(await _engine.MessagesAsync(started.InstanceId));

        var retried = await _engine.Runtime.RetryAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        Assert.Equal(["both branches done"], await _engine.MessagesAsync(started.InstanceId));
    }

    [Fact]
    public async Task End_in_a_nested_flowchart_continues_the_outer_flowchart_on_done()
    {
        _engine.PublishJson("""
            {"definitionId":"nested-end","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"outer","activities":[
              {"id":"inner","type":"Elsa.Flowchart","activities":[
                {"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Stop\",\"Wait\"]"}}},
                {"id":"stop","type":"Elsa.End"},
                {"id":"never","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"never"}}}],
               "connections":[{"source":{"activity":"fork","port":"Stop"},"target":{"activity":"stop","port":"In"}},
                              {"source":{"activity":"fork","port":"Wait"},"target":{"activity":"never","port":"In"}}]},
              {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"outer continued"}}}],
             "connections":[{"source":{"activity":"inner","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
            """);

        var result = await _engine.Runtime.StartAsync("nested-end");

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["outer continued"], await _engine.MessagesAsync(result.InstanceId));
    }

    [Fact]
    public async Task A_wait_any_join_reached_by_two_branches_in_one_step_fires_once()
    {
        _engine.PublishJson("""
            {"definitionId":"any-twice","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"A\",\"B\"]"}}},
              {"id":"join","type":"Elsa.FlowJoin","mode":{"typeName":"String","expression":{"type":"Literal","value":"WaitAny"}}},
              {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"once"}}}],
             "connections":[{"source":{"activity":"fork","port":"A"},"target":{"activity":"join","port":"In"}},
                            {"source":{"activity":"fork","port":"B"},"target":{"activity":"join","port":"In"}},
                            {"source":{"activity":"join","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
            """);

        var result = await _engine.Runtime.StartAsync("any-twice");

        Assert.Equal(["once"], await _engine.MessagesAsync(result.InstanceId));
    }

    [Fact]
    public async Task A_loop_that_spins_at_run_time_faults_and_faults_again_on_retry()
    {
        var engine = new TestEngine(options: new WorkflowRunnerOptions { MaxStepsPerSlice = 200 });
        engine.PublishJson("""
            {"definitionId":"spin","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"again","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"Literal","value":"true"}}},
              {"id":"out","type":"Elsa.WriteLine"}],
             "connections":[{"source":{"activity":"again","port":"True"},"target":{"activity":"again","port":"In"}},
                            {"source":{"activity":"again","port":"False"},"target":{"activity":"out","port":"In"}}]}}
            """);

        var first = await engine.Runtime.StartAsync("spin");
        Assert.Equal(WorkflowStatus.Faulted, first.Status);
        Assert.Contains("loop with no way out", first.Fault!.Message, StringComparison.Ordinal);

        var retried = await engine.Runtime.RetryAsync(first.InstanceId);
        Assert.Equal(WorkflowStatus.Faulted, retried.Status);
    }

    [Fact]
    public async Task A_child_whose_branch_is_cut_short_is_cancelled()
    {
        _engine.Publish("child-doubler.json");
        _engine.PublishJson("""
            {"definitionId":"race-the-child","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Child\",\"Skip\"]"}}},
              {"id":"child","type":"Elsa.ExecuteWorkflow","workflowDefinitionId":{"typeName":"String","expression":{"type":"Literal","value":"child-doubler"}},
               "input":{"typeName":"Object","expression":{"type":"Object","value":"{\"Value\": 1}"}}},
              {"id":"skip","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"skip-child"}}},
              {"id":"join","type":"Elsa.FlowJoin","mode":{"typeName":"String","expression":{"type":"Literal","value":"WaitAny"}}}],
             "connections":[{"source":{"activity":"fork","port":"Child"},"target":{"activity":"child","port":"In"}},
                            {"source":{"activity":"fork","port":"Skip"},"target":{"activity":"skip","port":"In"}},
                            {"source":{"activity":"child","port":"Done"},"target":{"activity":"join","port":"In"}},
                            {"source":{"activity":"skip","port":"Done"},"target":{"activity":"join","port":"In"}}]}}
            """);
        var parent = await _engine.Runtime.StartAsync("race-the-child");
        await _engine.Runtime.DrainDispatchesAsync();
        var childId = parent.Bookmarks.Single(b => b.Name == "Elsa.ChildWorkflow").Key!;
        Assert.Equal(WorkflowStatus.Suspended, (await _engine.LoadAsync(childId)).Info.Status);

        var skipped = Assert.Single(await _engine.Runtime.PublishEventAsync("skip-child", null, null));
        await _engine.Runtime.DrainDispatchesAsync();

        Assert.Equal(WorkflowStatus.Finished, skipped.Status);
        Assert.Equal(WorkflowStatus.Cancelled, (await _engine.LoadAsync(childId)).Info.Status);
        Assert.Empty(await _engine.Store.PendingDispatchesAsync(10));
    }
}
