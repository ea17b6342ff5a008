using Chamber.Workflows.Persistence;

namespace Chamber.Workflows.Tests.Persistence;

public sealed class InMemoryInstanceStoreTests
{
    [Fact]
    public async Task A_store_that_drops_ended_instances_still_keeps_suspended_ones()
    {
        var engine = new TestEngine(new InMemoryInstanceStore(keepEnded: false));
        engine.Publish("hello-world.json");
        engine.Publish("approval-fork-join.json");

        var finished = await engine.Runtime.StartAsync("hello-world");
        var waiting = await engine.Runtime.StartAsync("approval-fork-join");

        Assert.Null(await engine.Store.LoadAsync(finished.InstanceId));
        Assert.Equal(WorkflowStatus.Suspended, (await engine.LoadAsync(waiting.InstanceId)).Info.Status);
    }

    [Fact]
    public async Task A_commit_based_on_a_stale_row_version_is_a_conflict_and_changes_nothing()
    {
        var engine = new TestEngine();
        engine.Publish("approval-fork-join.json");
        var started = await engine.Runtime.StartAsync("approval-fork-join");
        var loaded = await engine.LoadAsync(started.InstanceId);
        var stale = new InstanceCommit(loaded.Info, loaded.State, [], [loaded.State.Bookmarks[0].Id], [], [], [], null, []);
        await engine.Runtime.ResumeAsync(loaded.State.Bookmarks[0].Id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => engine.Store.CommitAsync(stale));

        Assert.Equal(2, (await engine.LoadAsync(started.InstanceId)).Info.RowVersion);
    }

    [Fact]
    public async Task A_failed_dispatch_waits_out_its_backoff_before_it_is_due_again()
    {
        var engine = new TestEngine();
        engine.Publish("child-doubler.json");
        engine.Publish("parent-of-doubler.json");
        await engine.Runtime.StartAsync("parent-of-doubler");
        var dispatch = Assert.Single(await engine.Store.PendingDispatchesAsync(10));

        await engine.Store.RecordDispatchFailureAsync(dispatch.Id, "database unavailable");

        Assert.Empty(await engine.Store.PendingDispatchesAsync(10));
        Assert.Equal(TimeSpan.FromSeconds(2), DispatchRecord.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(10), DispatchRecord.Backoff(50));
    }
}
