using Chamber.Workflows.Model;

namespace Chamber.Workflows.Tests.Runtime;

/// <summary>A bookmark's callback is found again by name on its activity when it is resumed: a static one would be found at none, so it is refused when the bookmark is made.</summary>
public sealed class BookmarkCallbackTests
{
    [Activity("Test.StaticCallback", "Test", "Waits with a static callback.")]
    public sealed class WaitsWithStaticCallback : Activity
    {
        public override bool CanSuspend => true;

        public override ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            context.CreateBookmark("wait", callback: Resumed);
            return ValueTask.CompletedTask;
        }

        private static ValueTask Resumed(ActivityExecutionContext context) => context.CompleteActivityAsync();
    }

    [Fact]
    public async Task A_static_callback_is_refused_when_the_bookmark_is_made()
    {
        TestEngine.Registry.Register<WaitsWithStaticCallback>();
        var engine = new TestEngine();
        engine.PublishJson("""
            {"definitionId":"static-callback","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"flow",
             "activities":[{"id":"wait","type":"Test.StaticCallback"}],"connections":[]}}
            """);

        var started = await engine.Runtime.StartAsync("static-callback");

        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        Assert.Contains("must be an instance method", started.Fault!.Message, StringComparison.Ordinal);
    }
}
