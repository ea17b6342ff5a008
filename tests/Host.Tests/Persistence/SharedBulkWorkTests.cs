using Chamber.Workflows.Outbox;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Tests.Persistence;

/// <summary>
/// Two hosts on one PostgreSQL database: a burst on one (a launch) makes the other's e-mail
/// delivery wait too, and only while it lasts.
/// </summary>
public sealed class SharedBulkWorkTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var host = new HostFactory(_database); // applies the migrations
        _ = host.Services;
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task A_burst_on_one_host_is_seen_by_the_other_until_it_ends()
    {
        var launching = new BulkWork(Options.Create(_database.Options));
        var sending = new BulkWork(Options.Create(_database.Options));
        Assert.False(await sending.IsRunningAnywhereAsync(CancellationToken.None));

        var burst = launching.Begin();
        await Eventually(async () => await sending.IsRunningAnywhereAsync(CancellationToken.None), "the other host's burst to be seen");
        Assert.False(sending.IsRunning); // nothing of its own
        Assert.False(await sending.WaitUntilIdleAsync(TimeSpan.FromMilliseconds(600), CancellationToken.None));

        var idle = sending.WaitUntilIdleAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
        burst.Dispose();
        Assert.True(await idle);
        Assert.False(await sending.IsRunningAnywhereAsync(CancellationToken.None));
        // Its own burst is not "another host's".
        using (launching.Begin())
        {
            await Task.Delay(1200);
            Assert.True(launching.IsRunning);
            Assert.True(await launching.IsRunningAnywhereAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task On_sqlite_a_burst_is_this_hosts_alone()
    {
        await using var sqlite = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var work = new BulkWork(Options.Create(sqlite.Options));
        using (work.Begin())
            Assert.True(await work.IsRunningAnywhereAsync(CancellationToken.None));
        Assert.False(await work.IsRunningAnywhereAsync(CancellationToken.None));
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 10 s for {what}.");
            await Task.Delay(100);
        }
    }
}
