using System.Data.Common;
using Chamber.Campaigns.Email;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Email;

/// <summary>
/// The outbox's queries and the indexes they are read through. With 200,000 e-mails, the outbox
/// page sorted every message of its channel (0.8 s a page) and a claim read all of them (33 ms,
/// 0.9 s once another index was there to choose): ops/BENCHMARKS.md.
/// </summary>
public sealed class OutboxQueryTests() : HostTestBase(StorageProvider.Sqlite)
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);

    // The Host's own sender stays off: the messages stay as the test leaves them.
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Email:SenderEnabled"] = "false" };

    private OutboxStore Outbox => Host.Services.GetRequiredService<OutboxStore>();

    private Task<WorkflowsDbContext> ContextAsync() => Host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();

    private static OutboxMessage Email(string id, DateTimeOffset createdAt, DateTimeOffset? deliverAt = null)
    {
        var email = new EmailMessage(["chamber@chamber.example"], "提醒", "您好");
        return new OutboxMessage(id, EmailMessage.Channel, "key-" + id, email.ToJson(), email.Summary, null, createdAt, deliverAt);
    }

    [Fact]
    public async Task A_channel_is_listed_newest_first_off_its_index()
    {
        await Outbox.EnqueueAsync(
        [
            Email("older", Start),
            new OutboxMessage("other-channel", "participants.mailing", "k2", "{}", null, null, Start.AddMinutes(1)),
            Email("newer", Start.AddMinutes(2)),
        ]);

        await using var db = await ContextAsync();
        var page = OutboxStore.Listing(db, null, EmailMessage.Channel, null).Take(20);
        Assert.Equal(["newer", "older"], await page.Select(m => m.Id).ToListAsync());

        // The channel's index, in its order; only ties of the same moment are sorted.
        var plan = await PlanAsync(db, page);
        Assert.Contains(plan, step => step.Contains("ix_outbox_messages_channel_created", StringComparison.Ordinal));
        Assert.DoesNotContain("USE TEMP B-TREE FOR ORDER BY", plan);
    }

    [Fact]
    public async Task A_claim_takes_what_is_due_and_what_a_sender_left_unfinished_earliest_first_through_the_delivery_index()
    {
        var now = DateTimeOffset.UtcNow;
        await Outbox.EnqueueAsync([Email("due-later", now, now.AddMinutes(-1)), Email("due-first", now, now.AddMinutes(-5)), Email("not-yet", now, now.AddHours(1))]);

        // A sender claims one and never finishes it: its lease runs out, and it is claimed again (a second attempt), first in line.
        var first = Assert.Single(await Outbox.ClaimAsync(EmailMessage.Channel, 1, TimeSpan.FromMilliseconds(1)));
        Assert.Equal("due-first", first.Id);
        await Task.Delay(50);
        var claimed = await Outbox.ClaimAsync(EmailMessage.Channel, 10, TimeSpan.FromMinutes(5));
        Assert.Equal(["due-first", "due-later"], claimed.Select(m => m.Id));
        Assert.Equal([2, 1], claimed.Select(m => m.Attempts));
        // Held under a lease still running, and not yet due: nothing more.
        Assert.Empty(await Outbox.ClaimAsync(EmailMessage.Channel, 10, TimeSpan.FromMinutes(5)));

        await using var db = await ContextAsync();
        foreach (var query in new[] { OutboxStore.Due(db, EmailMessage.Channel, DateTime.UtcNow), OutboxStore.Abandoned(db, EmailMessage.Channel, DateTime.UtcNow) })
        {
            var plan = await PlanAsync(db, query.Take(500));
            Assert.Contains(plan, step => step.Contains("ix_outbox_messages_due (channel=? AND status=?", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    /// <summary>SQLite's plan for the query, one line per step.</summary>
    private static async Task<List<string>> PlanAsync(WorkflowsDbContext db, IQueryable<OutboxRecord> query)
    {
        await using DbCommand explain = query.CreateDbCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + explain.CommandText;
        await db.Database.OpenConnectionAsync();
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return plan;
    }
}
