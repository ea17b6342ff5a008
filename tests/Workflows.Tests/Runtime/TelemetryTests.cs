using System.Collections.Concurrent;
using System.Diagnostics;
using Chamber.Workflows.Diagnostics;

namespace Chamber.Workflows.Tests.Runtime;

/// <summary>The engine's spans, as an OpenTelemetry tracer (or any <see cref="ActivityListener"/>) receives them.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_start_and_a_resume_each_make_a_span_naming_the_instance_and_the_status_it_was_left_in()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WorkflowTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var engine = new TestEngine();
        engine.PublishJson("""
            {"definitionId":"traced","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"go","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"traced-go"}}}],"connections":[]}}
            """);

        var started = await engine.Runtime.StartAsync("traced", correlationId: "trace-1");
        await engine.Runtime.PublishEventAsync("traced-go", "trace-1", null);

        var mine = spans.Where(s => (string?)s.GetTagItem("workflow.instance_id") == started.InstanceId).ToList();
        Assert.Collection(mine,
            start =>
            {
                Assert.Equal("workflow start", start.DisplayName);
                Assert.Equal("traced", start.GetTagItem("workflow.definition_id"));
                Assert.Equal("Suspended", start.GetTagItem("workflow.status"));
            },
            resume =>
            {
                Assert.Equal("workflow resume", resume.DisplayName);
                Assert.Equal("Finished", resume.GetTagItem("workflow.status"));
            });
    }
}
