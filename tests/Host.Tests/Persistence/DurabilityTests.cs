using Chamber.Workflows.Expressions;
using Chamber.Workflows.Timers;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Tests.Persistence;

/// <summary>Suspended instances live only in the database, and two hosts never both apply one resume.</summary>
public abstract class DurabilityTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var node = EngineNode.Start(_database);
        await node.MigrateAsync();
        await node.Definitions.ImportAsync(Definitions.Read("approval-fork-join.json"));
        await node.Definitions.ImportAsync(Definitions.Read("child-doubler.json"));
        await node.Definitions.ImportAsync(Definitions.Read("parent-of-doubler.json"));
    }

    [Fact]
    public async Task A_failed_dispatch_is_postponed_with_its_error_recorded()
    {
        await using var node = EngineNode.Start(_database);
        await node.Runtime.StartAsync("parent-of-doubler");
        var dispatch = Assert.Single(await node.Store.PendingDispatchesAsync(10));

        await node.Store.RecordDispatchFailureAsync(dispatch.Id, "SMTP down 邮件服务不可用");

        Assert.Empty(await node.Store.PendingDispatchesAsync(10));
        Assert.Equal(0, await node.Runtime.DrainDispatchesAsync());
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task A_scheduled_start_repeated_after_a_crash_starts_no_second_instance()
    {
        await using var node = EngineNode.Start(_database);
        await node.Definitions.ImportAsync("""
            {"definitionId":"hourly","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"tick","type":"Elsa.Timer","customProperties":{"canStartWorkflow":true},"interval":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"PT1H"}}},
              {"id":"done","type":"Elsa.End"}],
             "connections":[{"source":{"activity":"tick","port":"Done"},"target":{"activity":"done","port":"In"}}]}}
            """);
        var contexts = node.Get<IDbContextFactory<WorkflowsDbContext>>();
        var starts = node.Get<ScheduledStarts>();
        var due = DateTime.UtcNow.AddMinutes(-1);
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Schedules.Where(s => s.DefinitionId == "hourly").ExecuteUpdateAsync(s => s.SetProperty(r => r.NextDueAt, due));

        Assert.Equal(1, await starts.FireDueAsync(DateTimeOffset.UtcNow));
        // The host died after starting the instance and before moving the schedule on: the same occurrence is due again.
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Schedules.Where(s => s.DefinitionId == "hourly").ExecuteUpdateAsync(s => s.SetProperty(r => r.NextDueAt, due));
        Assert.Equal(0, await starts.FireDueAsync(DateTimeOffset.UtcNow));

        await using var check = await contexts.CreateDbContextAsync();
        var instance = Assert.Single(await check.Instances.Where(i => i.DefinitionId == "hourly").ToListAsync());
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        var schedule = Assert.Single(await check.Schedules.Where(s => s.DefinitionId == "hourly").ToListAsync());
        Assert.True(schedule.NextDueAt > DateTime.UtcNow.AddMinutes(50), "The schedule moved on to the next hour.");
    }

    [Fact]
    public async Task A_suspended_instance_resumes_in_a_new_process_from_the_database_alone()
    {
        string instanceId;
        string bookmarkId;
        await using (var first = EngineNode.Start(_database))
        {
            var started = await first.Runtime.StartAsync("approval-fork-join", correlationId: "c-1");
            instanceId = started.InstanceId;
            bookmarkId = started.Bookmarks.Single(b => b.Key == "leader-approved").Id;
        }

        await using var second = EngineNode.Start(_database);
        var resumed = await second.Runtime.ResumeAsync(bookmarkId);
        var done = await second.Runtime.PublishEventAsync("staff-approved", "c-1", "ok");

        Assert.Equal(WorkflowStatus.Suspended, resumed.Status);
        Assert.Equal(WorkflowStatus.Finished, Assert.Single(done).Status);
        var instance = await second.Store.LoadAsync(instanceId);
        Assert.Equal(2, ValueConverter.Normalize(instance!.State.Variables["approvals"]));
    }

    [Fact]
    public async Task Two_hosts_resuming_the_same_bookmarks_at_once_apply_each_exactly_once()
    {
        List<(string Instance, string Bookmark)> waiting = [];
        await using (var starter = EngineNode.Start(_database))
        {
            for (var i = 0; i < 20; i++)
            {
                var started = await starter.Runtime.StartAsync("approval-fork-join");
                waiting.Add((started.InstanceId, started.Bookmarks.Single(b => b.Key == "leader-approved").Id));
            }
        }

        await using var nodeA = EngineNode.Start(_database);
        await using var nodeB = EngineNode.Start(_database);
        var attempts = waiting.SelectMany(w => new[] { nodeA, nodeB, nodeA, nodeB }.Select(node => Task.Run(async () =>
        {
            try
            {
                await node.Runtime.ResumeAsync(w.Bookmark);
                return w.Bookmark;
            }
            catch (Exception e) when (e is WorkflowConflictException or WorkflowNotFoundException)
            {
                return null;
            }
        })));
        var succeeded = (await Task.WhenAll(attempts)).Where(b => b is not null).ToList();

        Assert.Equal(waiting.Count, succeeded.Count);
        Assert.Equal(waiting.Count, succeeded.Distinct().Count());
        foreach (var (instanceId, _) in waiting)
        {
            var instance = await nodeA.Store.LoadAsync(instanceId);
            Assert.Equal(1, ValueConverter.Normalize(instance!.State.Variables["approvals"]));
            Assert.Equal(WorkflowStatus.Suspended, instance.Info.Status);
            Assert.Single(instance.State.Bookmarks);
        }
    }
}

public sealed class SqliteDurabilityTests() : DurabilityTests(StorageProvider.Sqlite);

public sealed class PostgresDurabilityTests() : DurabilityTests(StorageProvider.Postgres);
