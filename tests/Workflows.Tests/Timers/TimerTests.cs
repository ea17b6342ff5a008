using Chamber.Workflows.Timers;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Tests.Timers;

public sealed class TimerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero); // Saturday 10:00 in Beijing

    private readonly ManualClock _clock = new(Start);
    private readonly TestEngine _engine;
    private readonly ClockAdvancer _advancer;

    public TimerTests()
    {
        _engine = new TestEngine(clock: _clock);
        var sweeper = new TimerSweeper(_engine.Store, _engine.Runtime, Options.Create(new TimerOptions()));
        _advancer = new ClockAdvancer(_clock, sweeper, _engine.Runtime);
    }

    public void Dispose() => _advancer.Dispose();

    private static string Waits(string id, string activityJson) => """
        {"definitionId":"ID","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          ACTIVITY,
          {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"JavaScript","value":"'done'"}}}],
         "connections":[{"source":{"activity":"wait","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
        """.Replace("ID", id, StringComparison.Ordinal).Replace("ACTIVITY", activityJson, StringComparison.Ordinal);

    [Fact]
    public async Task A_two_hour_delay_finishes_exactly_when_the_clock_passes_two_hours()
    {
        _engine.PublishJson(Waits("delay", """{"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"02:00:00"}}}"""));
        var started = await _engine.Runtime.StartAsync("delay");
        Assert.Equal(Start.AddHours(2), Assert.Single(started.Bookmarks).DueAt);

        await _advancer.AdvanceToAsync(Start.AddHours(2).AddTicks(-1));
        Assert.Equal(WorkflowStatus.Suspended, (await _engine.LoadAsync(started.InstanceId)).Info.Status);

        await _advancer.AdvanceToAsync(Start.AddHours(2));
        var finished = await _engine.LoadAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, finished.Info.Status);
        Assert.Equal(Start.AddHours(2), finished.Info.FinishedAt);
    }

    [Fact]
    public async Task Timers_fire_in_due_order_and_once()
    {
        _engine.PublishJson("""
            {"definitionId":"two-timers","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Late\",\"Early\"]"}}},
              {"id":"late","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"PT3H"}}},
              {"id":"early","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"PT1H"}}},
              {"id":"b","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"late"}}},
              {"id":"a","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"early"}}}],
             "connections":[{"source":{"activity":"fork","port":"Late"},"target":{"activity":"late","port":"In"}},
                            {"source":{"activity":"fork","port":"Early"},"target":{"activity":"early","port":"In"}},
                            {"source":{"activity":"late","port":"Done"},"target":{"activity":"b","port":"In"}},
                            {"source":{"activity":"early","port":"Done"},"target":{"activity":"a","port":"In"}}]}}
            """);
        var started = await _engine.Runtime.StartAsync("two-timers");

        await _advancer.AdvanceToAsync(Start.AddDays(1));
        await _advancer.AdvanceToAsync(Start.AddDays(2));

        Assert.Equal(["early", "late"], await _engine.MessagesAsync(started.InstanceId));
        var journal = await _engine.Store.ReadJournalAsync(started.InstanceId);
        Assert.Equal(Start.AddHours(1), journal.Single(j => j.ActivityId == "a" && j.EventName == JournalEvents.Message).Timestamp);
    }

    [Theory]
    [InlineData("0 0 9 * * 1-5")] // Elsa's numbers: 1 is Monday (Quartz read it as Sunday and woke on a Sunday)
    [InlineData("0 0 9 ? * MON-FRI")]
    public async Task Cron_in_elsa_syntax_waits_for_the_next_weekday_at_nine_beijing_time(string expression)
    {
        _engine.PublishJson(Waits("cron-elsa", """{"id":"wait","type":"Elsa.Cron","cronExpression":{"typeName":"String","expression":{"type":"Literal","value":"EXPR"}}}"""
            .Replace("EXPR", expression, StringComparison.Ordinal)));

        var started = await _engine.Runtime.StartAsync("cron-elsa");

        // Saturday 10:00 Beijing → Monday 09:00 Beijing = 01:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), Assert.Single(started.Bookmarks).DueAt);
    }

    [Fact]
    public void A_quartz_expression_with_a_year_is_refused_with_how_to_write_it()
    {
        var error = Assert.Throws<DefinitionValidationException>(() =>
            TestEngine.Compile(Waits("year-cron", """{"id":"wait","type":"Elsa.Cron","cronExpression":{"typeName":"String","expression":{"type":"Literal","value":"0 0 9 ? * MON-FRI 2026"}}}""")));

        Assert.Contains("seven fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 0 9 * * 1-5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cron_waits_for_the_next_match_in_beijing_time()
    {
        _engine.PublishJson(Waits("cron", """{"id":"wait","type":"Elsa.Cron","cronExpression":{"typeName":"String","expression":{"type":"Literal","value":"0 0 9 ? * MON-FRI"}}}"""));

        var started = await _engine.Runtime.StartAsync("cron");

        // Saturday 10:00 Beijing → Monday 09:00 Beijing = 01:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), Assert.Single(started.Bookmarks).DueAt);
    }

    [Fact]
    public async Task Start_at_a_moment_already_past_continues_at_once()
    {
        _engine.PublishJson(Waits("past", """{"id":"wait","type":"Elsa.StartAt","dateTime":{"typeName":"DateTimeOffset","expression":{"type":"Literal","value":"2026-01-01T00:00:00Z"}}}"""));

        var started = await _engine.Runtime.StartAsync("past");

        Assert.Equal(WorkflowStatus.Finished, started.Status);
    }

    [Fact]
    public async Task Cancelling_an_instance_removes_its_timer()
    {
        _engine.PublishJson(Waits("cancel-me", """{"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"1.00:00:00"}}}"""));
        var started = await _engine.Runtime.StartAsync("cancel-me");
        Assert.NotNull(await _engine.Store.NextDueAtAsync());

        await _engine.Runtime.CancelAsync(started.InstanceId);

        Assert.Null(await _engine.Store.NextDueAtAsync());
    }

    [Fact]
    public void An_invalid_cron_expression_is_rejected_on_import()
    {
        var error = Assert.Throws<DefinitionValidationException>(() =>
            TestEngine.Compile(Waits("bad-cron", """{"id":"wait","type":"Elsa.Cron","cronExpression":{"typeName":"String","expression":{"type":"Literal","value":"every day"}}}""")));

        Assert.Contains("is not a cron expression: six fields", error.Message, StringComparison.Ordinal);
    }
}
