using Chamber.Workflows;
using Chamber.Workflows.Model;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Persistence;

/// <summary>
/// Detached timers on a real database: fired from their bookmark rows without loading or writing
/// their instances, a batch at a time, once each, moving on with their payloads; stopped when their
/// activity removes them; a stale firing writes nothing; a sweep of more than a batch is bulk work.
/// </summary>
public abstract class DetachedTimerTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private EngineNode _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _node = EngineNode.Start(_database, services => services
            .AddSingleton<TimeProvider>(new ManualClock(Start))
            .AddActivity<Nag>()
            .AddDetachedTimer<NagTimer>()
            .Configure<TimerOptions>(o => o.BatchSize = 3));
        await _node.MigrateAsync();
        await _node.Definitions.ImportAsync("""
            {"definitionId":"nag","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"nag","type":"Test.Nag"},{"id":"done","type":"Elsa.End"}],
             "connections":[{"source":{"activity":"nag","port":"Done"},"target":{"activity":"done","port":"In"}}]}}
            """);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    private TimerSweeper Sweeper => _node.Get<TimerSweeper>();

    private async Task<List<OutboxRecord>> OutboxAsync()
    {
        await using var db = await _node.Get<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.IdempotencyKey).ToListAsync();
    }

    private async Task<BookmarkRecord?> NagBookmarkAsync(string instanceId)
    {
        await using var db = await _node.Get<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.InstanceId == instanceId && b.Name == NagTimer.Name);
    }

    [Fact]
    public async Task A_timer_fires_from_its_row_once_per_due_time_without_touching_its_instance_and_stops_when_removed()
    {
        var started = await _node.Runtime.StartAsync("nag");
        var version = (await _node.Store.LoadAsync(started.InstanceId))!.Info.RowVersion;

        Assert.Equal(0, await Sweeper.FireDueAsync(Start.AddMinutes(59)));
        Assert.Equal(1, await Sweeper.FireDueAsync(Start.AddHours(1)));
        Assert.Equal(0, await Sweeper.FireDueAsync(Start.AddHours(1))); // fired already: not again
        Assert.Equal(1, await Sweeper.FireDueAsync(Start.AddHours(2)));

        Assert.Equal([$"{started.InstanceId}/1", $"{started.InstanceId}/2"], (await OutboxAsync()).Select(m => m.IdempotencyKey));
        var row = (await NagBookmarkAsync(started.InstanceId))!;
        Assert.Equal(Start.AddHours(3).UtcDateTime, DateTime.SpecifyKind(row.DueAt!.Value, DateTimeKind.Utc));
        Assert.Equal(2, JsonSerializer.Deserialize<NagState>(row.Payload!, StateJson.Options)!.Sent);
        var instance = (await _node.Store.LoadAsync(started.InstanceId))!;
        Assert.Equal(version, instance.Info.RowVersion);
        Assert.Equal(WorkflowStatus.Suspended, instance.Info.Status);

        // The activity's own wait ends: it removes the timer's row (it was moved on, yet it is the same row), and the nagging stops.
        var answer = started.Bookmarks.Single(b => b.Name == Nag.AnswerBookmark);
        var answered = await _node.Runtime.ResumeAsync(answer.Id);
        Assert.True(answered.Status == WorkflowStatus.Finished, answered.Fault?.ToString());
        Assert.Null(await NagBookmarkAsync(started.InstanceId));
        Assert.Equal(0, await Sweeper.FireDueAsync(Start.AddDays(1)));
        Assert.Equal(2, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task Many_timers_due_at_the_same_moment_fire_once_each_across_batches()
    {
        var ids = new List<string>();
        for (var i = 0; i < 8; i++) // batches of 3: 3 + 3 + 2, all due at the same instant
            ids.Add((await _node.Runtime.StartAsync("nag")).InstanceId);

        Assert.Equal(8, await Sweeper.FireDueAsync(Start.AddHours(1)));

        Assert.Equal(ids.Select(id => $"{id}/1").Order(StringComparer.Ordinal), (await OutboxAsync()).Select(m => m.IdempotencyKey));
        Assert.Equal(Start.AddHours(2), await _node.Store.NextDueAtAsync());
        // More than a batch was due: e-mail delivery made way while all three batches fired, and no longer.
        Assert.Equal([true, true, true], _node.Get<NagTimer>().BulkWorkSeen);
        Assert.False(_node.Get<BulkWork>().IsRunning);
    }

    [Fact]
    public async Task A_sweep_of_less_than_a_batch_is_not_bulk_work()
    {
        await _node.Runtime.StartAsync("nag");
        await _node.Runtime.StartAsync("nag");

        Assert.Equal(2, await Sweeper.FireDueAsync(Start.AddHours(1)));

        Assert.Equal([false], _node.Get<NagTimer>().BulkWorkSeen);
    }

    [Fact]
    public async Task A_firing_computed_from_a_stale_row_writes_nothing()
    {
        var started = await _node.Runtime.StartAsync("nag");
        var due = Assert.Single(await _node.Store.DueTimersAsync(NagTimer.Name, Start.AddHours(1), null, 10));
        Assert.Equal(1, await Sweeper.FireDueAsync(Start.AddHours(1)));

        // Another host read the same row before this one moved it on.
        var stale = new TimerAdvance(due, [NagTimer.Message(due, 99, Start)], Start.AddHours(5), due.Payload);
        Assert.Empty(await _node.Store.AdvanceTimersAsync([stale]));

        Assert.Equal([$"{started.InstanceId}/1"], (await OutboxAsync()).Select(m => m.IdempotencyKey));
        Assert.Equal(Start.AddHours(2).UtcDateTime, DateTime.SpecifyKind((await NagBookmarkAsync(started.InstanceId))!.DueAt!.Value, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Sweeps_running_at_once_take_different_batches_on_postgresql_and_a_claim_given_up_is_taken_again()
    {
        for (var i = 0; i < 4; i++)
            await _node.Runtime.StartAsync("nag");
        var at = Start.AddHours(1);

        await using var first = await _node.Store.ClaimDueTimersAsync(NagTimer.Name, at, null, 2);
        await using var second = await _node.Store.ClaimDueTimersAsync(NagTimer.Name, at, null, 2);
        Assert.Equal(2, first.Timers.Count);
        if (provider == StorageProvider.Postgres)
        {
            // The second sweep skips the rows the first holds: four timers, two each, none twice.
            Assert.Empty(first.Timers.Select(t => t.BookmarkId).Intersect(second.Timers.Select(t => t.BookmarkId)));
            Assert.Equal(2, second.Timers.Count);
            await first.DisposeAsync(); // given up without writing: the rows are free again
            await using var third = await _node.Store.ClaimDueTimersAsync(NagTimer.Name, at, null, 4);
            Assert.Equal(first.Timers.Select(t => t.BookmarkId).Order(), third.Timers.Select(t => t.BookmarkId).Order());
        }
        else
        {
            // One host on SQLite: a claim is a read.
            Assert.Equal(first.Timers.Select(t => t.BookmarkId), second.Timers.Select(t => t.BookmarkId));
        }
    }

    [Fact]
    public async Task A_handler_asking_for_a_time_already_past_is_tried_again_later_not_in_a_loop()
    {
        var started = await _node.Runtime.StartAsync("nag", input: new Dictionary<string, object?> { ["stuck"] = true });

        Assert.Equal(1, await Sweeper.FireDueAsync(Start.AddHours(1)));

        var row = (await NagBookmarkAsync(started.InstanceId))!;
        Assert.Equal((Start.AddHours(1) + TimerSweeper.DetachedRetryDelay).UtcDateTime, DateTime.SpecifyKind(row.DueAt!.Value, DateTimeKind.Utc));
    }

    public sealed record NagState(int Sent, bool Stuck);

    /// <summary>Waits for an answer and, meanwhile, nags every hour through a detached timer.</summary>
    [Activity("Test.Nag", "Test", "Waits for an answer and nags every hour.")]
    public sealed class Nag : Activity
    {
        public const string AnswerBookmark = "Test.Answer";

        public override bool CanSuspend => true;

        public override ValueTask ExecuteAsync(ActivityExecutionContext context)
        {
            var stuck = context.WorkflowInput.GetValueOrDefault("stuck") is true;
            context.CreateBookmark(AnswerBookmark, callback: OnAnsweredAsync);
            context.CreateBookmark(NagTimer.Name, payload: new NagState(0, stuck), dueAt: context.Clock.GetUtcNow().AddHours(1));
            return ValueTask.CompletedTask;
        }

        private async ValueTask OnAnsweredAsync(ActivityExecutionContext context)
        {
            context.RemoveBookmarks(NagTimer.Name);
            await context.CompleteActivityAsync();
        }
    }

    /// <summary>One message per firing, keyed by instance and count; then an hour later (or, when stuck, "now").</summary>
    public sealed class NagTimer(BulkWork bulkWork) : IDetachedTimerHandler
    {
        public const string Name = "Test.Nag.Timer";

        /// <summary>For each batch fired, whether the process was doing bulk work meanwhile.</summary>
        public List<bool> BulkWorkSeen { get; } = [];

        public string BookmarkName => Name;

        public static OutboxMessage Message(DueTimer timer, int count, DateTimeOffset now) =>
            new(Guid.NewGuid().ToString("N"), "test", $"{timer.InstanceId}/{count}", "{}", null, timer.InstanceId, now);

        public Task<IReadOnlyList<TimerAdvance>> FireAsync(IReadOnlyList<DueTimer> due, DateTimeOffset now, CancellationToken cancellationToken)
        {
            BulkWorkSeen.Add(bulkWork.IsRunning);
            return Task.FromResult<IReadOnlyList<TimerAdvance>>([.. due.Select(timer =>
            {
                var state = JsonSerializer.Deserialize<NagState>(timer.Payload!, StateJson.Options)!;
                var next = state with { Sent = state.Sent + 1 };
                return new TimerAdvance(timer, [Message(timer, next.Sent, now)], state.Stuck ? now : now.AddHours(1),
                    JsonSerializer.Serialize(next, StateJson.Options));
            })]);
        }
    }
}

public sealed class SqliteDetachedTimerTests() : DetachedTimerTests(StorageProvider.Sqlite);

public sealed class PostgresDetachedTimerTests() : DetachedTimerTests(StorageProvider.Postgres);
