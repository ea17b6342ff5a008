using Chamber.Campaigns.Email;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Email;

/// <summary>
/// The outbox page: one channel's messages, newest first, read off an index. Sorting every message
/// of the channel for each page took 0.8 s with 200,000 e-mails (ops/BENCHMARKS.md).
/// </summary>
public sealed class OutboxListingTests() : HostTestBase(StorageProvider.Sqlite)
{
    // The Host's own sender stays off: the messages stay as they were written.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Email:SenderEnabled"] = "false" };

    [Fact]
    public async Task A_channel_is_listed_newest_first_without_sorting_the_whole_channel()
    {
        var start = new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);
        var email = new EmailMessage(["chamber@chamber.example"], "提醒", "您好");
        await Host.Services.GetRequiredService<OutboxStore>().EnqueueAsync(
        [
            new OutboxMessage("older", EmailMessage.Channel, "k1", email.ToJson(), email.Summary, null, start),
            new OutboxMessage("other-channel", "participants.mailing", "k2", "{}", null, null, start.AddMinutes(1)),
            new OutboxMessage("newer", EmailMessage.Channel, "k3", email.ToJson(), email.Summary, null, start.AddMinutes(2)),
        ]);

        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var page = OutboxStore.Listing(db, null, EmailMessage.Channel, null).Take(20);
        Assert.Equal(["newer", "older"], await page.Select(m => m.Id).ToListAsync());

        // SQLite's plan: the channel's index, in its order; only ties of the same moment are sorted.
        await using var explain = page.CreateDbCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + explain.CommandText;
        await db.Database.OpenConnectionAsync();
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("ix_outbox_messages_channel_created", StringComparison.Ordinal));
        Assert.DoesNotContain("USE TEMP B-TREE FOR ORDER BY", plan);
    }
}
