using Chamber.Workflows.Persistence;

namespace Chamber.Workflows.Tests.Runtime;

/// <summary>Elsa's runAsynchronously: the activity's work leaves the run that reached it and happens in the background.</summary>
public sealed class RunAsynchronouslyTests
{
    private readonly TestEngine _engine = new();

    private const string Definition = """
        {"definitionId":"in-background","isPublished":true,
         "variables":[{"id":"greeting","name":"Greeting","typeName":"String","value":"later"}],
         "root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"before","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"before"}}},
          {"id":"slow","type":"Elsa.WriteLine","customProperties":{"runAsynchronously":true},
           "text":{"typeName":"String","expression":{"type":"JavaScript","value":"'in the background, ' + getGreeting()"}}},
          {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"after"}}}],
         "connections":[{"source":{"activity":"before","port":"Done"},"target":{"activity":"slow","port":"In"}},
                        {"source":{"activity":"slow","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
        """;

    [Fact]
    public async Task The_run_stops_at_the_activity_and_a_background_dispatch_finishes_it()
    {
        _engine.PublishJson(Definition);

        var started = await _engine.Runtime.StartAsync("in-background");

        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal(["before"], await _engine.MessagesAsync(started.InstanceId));
        var bookmark = Assert.Single(started.Bookmarks);
        Assert.Equal(BackgroundActivity.BookmarkName, bookmark.Name);
        var dispatch = Assert.Single(await _engine.Store.PendingDispatchesAsync(10));
        Assert.Equal(DispatchKind.RunInBackground, dispatch.Kind);

        Assert.Equal(1, await _engine.Runtime.DrainDispatchesAsync());

        Assert.Equal(WorkflowStatus.Finished, (await _engine.LoadAsync(started.InstanceId)).Info.Status);
        Assert.Equal(["before", "in the background, later", "after"], await _engine.MessagesAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_background_job_that_comes_twice_runs_the_work_once()
    {
        _engine.PublishJson(Definition);
        var started = await _engine.Runtime.StartAsync("in-background");
        var bookmarkId = Assert.Single(started.Bookmarks).Id;

        await _engine.Runtime.ResumeAsync(bookmarkId);
        await Assert.ThrowsAnyAsync<Exception>(() => _engine.Runtime.ResumeAsync(bookmarkId));

        Assert.Equal(["before", "in the background, later", "after"], await _engine.MessagesAsync(started.InstanceId));
    }
}
