using Chamber.Campaigns.Email;
using Chamber.Host.Email;
using Chamber.Workflows.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Tests.Email;

/// <summary>
/// While a launch or a large reminder sweep runs, the e-mail sender waits for it to end (by
/// default), or trickles on fewer connections, and goes back to its full concurrency afterwards.
/// </summary>
public sealed class BulkWorkDeliveryTests() : HostTestBase(StorageProvider.Sqlite)
{
    private readonly BulkWork _bulkWork = new();
    private readonly InFlightCounter _transport = new();

    // The Host's own sender stays off: the test drives one of its own, with its own burst and transport.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Email:SenderEnabled"] = "false" };

    private OutboxStore Outbox => Host.Services.GetRequiredService<OutboxStore>();

    private OutboxSender Sender(EmailOptions settings) =>
        new(Outbox, new OutboxSignal(), _bulkWork, _transport, Options.Create(settings), TimeProvider.System, NullLogger<OutboxSender>.Instance);

    [Fact]
    public async Task During_bulk_work_mail_goes_out_on_one_connection_and_afterwards_on_all_of_them()
    {
        var sender = Sender(new EmailOptions { Concurrency = 8, ConcurrencyDuringBulkWork = 1, BatchSize = 100 });

        await Outbox.EnqueueAsync(Messages("launch", 12));
        using (_bulkWork.Begin())
        {
            // A round claims one slice: four messages for its one connection, not a whole batch.
            var rounds = new List<int>();
            for (var round = 0; round < 4; round++)
                rounds.Add(await sender.SendDueAsync(CancellationToken.None));
            Assert.Equal([4, 4, 4, 0], rounds);
        }

        Assert.Equal(12, _transport.Sent);
        Assert.Equal(1, _transport.MostAtOnce);

        _transport.MostAtOnce = 0;
        await Outbox.EnqueueAsync(Messages("after", 32));
        Assert.Equal(32, await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(44, _transport.Sent);
        Assert.True(_transport.MostAtOnce > 1, $"after the burst the sender used {_transport.MostAtOnce} connection(s) at once");
        Assert.Empty(await Outbox.ClaimAsync(EmailMessage.Channel, 100, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task By_default_delivery_waits_for_the_burst_to_end_and_then_sends_everything()
    {
        var sender = Sender(new EmailOptions { Concurrency = 8 });
        await Outbox.EnqueueAsync(Messages("launch", 12));

        var burst = _bulkWork.Begin();
        var sending = sender.SendDueAsync(CancellationToken.None);
        await Task.Delay(500);
        Assert.False(sending.IsCompleted);
        Assert.Equal(0, _transport.Sent);
        // Waiting, it has claimed nothing: no write beside the burst's, no lease running out meanwhile.
        Assert.Equal(12, await CountAsync(OutboxStatus.Pending));

        burst.Dispose();
        Assert.Equal(12, await sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(12, _transport.Sent);
        Assert.True(_transport.MostAtOnce > 1);
    }

    [Fact]
    public async Task A_long_burst_pauses_delivery_at_most_for_a_while_at_a_time()
    {
        var sender = Sender(new EmailOptions { Concurrency = 8, MaxBulkWorkPause = TimeSpan.FromMilliseconds(200) });
        await Outbox.EnqueueAsync(Messages("launch", 8));

        using (_bulkWork.Begin())
        {
            // 8 messages, 4 per slice on one connection, each slice after a pause of 200 ms.
            var started = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal(4, await sender.SendDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(4, await sender.SendDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(400), $"two slices after {started.Elapsed.TotalMilliseconds:N0} ms");
        }

        Assert.Equal(8, _transport.Sent);
        Assert.Equal(1, _transport.MostAtOnce);
    }

    [Fact]
    public async Task A_burst_ends_once_even_when_its_scope_is_disposed_twice()
    {
        var bulkWork = _bulkWork;
        var first = bulkWork.Begin();
        var second = bulkWork.Begin();
        first.Dispose();
        first.Dispose();
        Assert.True(bulkWork.IsRunning);
        Assert.False(await bulkWork.WaitUntilIdleAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
        var idle = bulkWork.WaitUntilIdleAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        second.Dispose();
        Assert.False(bulkWork.IsRunning);
        Assert.True(await idle);
    }

    private async Task<int> CountAsync(OutboxStatus status) =>
        (await Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/outbox?status={status}")).GetProperty("total").GetInt32();

    private static List<OutboxMessage> Messages(string prefix, int count) =>
    [
        .. Enumerable.Range(1, count).Select(i =>
        {
            var email = new EmailMessage([$"chamber-{i}@chamber.example"], $"提醒 {i}", "您好");
            return new OutboxMessage($"{prefix}-{i}", EmailMessage.Channel, $"{prefix}:{i}", email.ToJson(), email.Summary, null, DateTimeOffset.UtcNow);
        }),
    ];

    /// <summary>Stands in for the SMTP server here: what is under test is how many messages are in flight at once.</summary>
    private sealed class InFlightCounter : IMailTransport
    {
        private int _inFlight;
        private int _sent;

        public int MostAtOnce { get; set; }

        public int Sent => _sent;

        public async Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (this)
                MostAtOnce = Math.Max(MostAtOnce, now);
            await Task.Delay(20, cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _sent);
        }

        public Task<string> CheckAsync(CancellationToken cancellationToken) => Task.FromResult("counting");
    }
}
