using System.Text.RegularExpressions;
using Chamber.Host.Tests.Persistence;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Tests.Email;

/// <summary>E-mail through the outbox: pickup folder by default, a real SMTP server (aiosmtpd) with an outage, exactly one message per step.</summary>
public abstract partial class EmailTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Subject = "【提醒】四好商会实施方案请于4月30日前提交";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static string Mailing(string id, string key = "") => """
        {"definitionId":"ID","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"go","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}}},
          {"id":"mail","type":"Elsa.SendEmail",
           "to":{"typeName":"Object","expression":{"type":"Literal","value":"商会A <a@chamber.example>， b@chamber.example"}},
           "subject":{"typeName":"String","expression":{"type":"Literal","value":"SUBJECT"}},
           "body":{"typeName":"String","expression":{"type":"Literal","value":"<p>您好：</p><p>距截止还有 <b>3</b> 个工作日。</p>"}},
           "idempotencyKey":{"typeName":"String","expression":{"type":"Literal","value":"KEY"}}}],
         "connections":[{"source":{"activity":"go","port":"Done"},"target":{"activity":"mail","port":"In"}}]}}
        """.Replace("ID", id, StringComparison.Ordinal).Replace("SUBJECT", Subject, StringComparison.Ordinal).Replace("KEY", key, StringComparison.Ordinal);

    [Fact]
    public async Task Without_smtp_an_email_step_is_written_to_the_pickup_folder_dated_by_the_application_clock()
    {
        // A rehearsal on a manual clock: the mail is dated on its simulated day, in Beijing time.
        await using var host = new HostFactory(_database, new Dictionary<string, string>
        {
            ["Clock:Mode"] = "Manual",
            ["Clock:Start"] = "2026-04-27T01:00:00Z",
        });
        using var client = await host.SignedInClientAsync();
        await client.PostAsync("/api/workflow-definitions/import", Json(Mailing("notify")));
        await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "notify", correlationId = "c1" });
        await client.PostAsJsonAsync("/api/events/go", new { correlationId = "c1" });

        var sent = await WaitForAsync(client, OutboxStatus.Sent);
        var file = Assert.Single(Directory.GetFiles(host.PickupDirectory, "*.eml"));
        var raw = await File.ReadAllTextAsync(file);
        Assert.Equal(Subject, DecodedSubject(raw));
        Assert.Contains("a@chamber.example", raw, StringComparison.Ordinal);
        Assert.Contains("b@chamber.example", raw, StringComparison.Ordinal);
        Assert.Contains("text/plain", raw, StringComparison.Ordinal);
        Assert.Contains("text/html", raw, StringComparison.Ordinal);
        Assert.Contains("X-Chamber-Outbox-Id: " + sent.GetProperty("id").GetString(), raw, StringComparison.Ordinal);
        Assert.Contains("Date: Mon, 27 Apr 2026 09:00:00 +0800", raw, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(host.PickupDirectory, "*.tmp"));
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Over_smtp_a_message_survives_an_outage_and_arrives_once()
    {
        await using var smtp = new SmtpServer();
        await using var host = new HostFactory(_database, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:FirstBackoff"] = "00:00:01",
            ["Email:MaxBackoff"] = "00:00:02",
            ["Email:PollInterval"] = "00:00:00.200",
        });
        using var client = await host.SignedInClientAsync();
        await client.PostAsync("/api/workflow-definitions/import", Json(Mailing("remind", "reminder:chamber-7:plan:2026-04-27")));
        await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "remind", correlationId = "c1" });
        await client.PostAsJsonAsync("/api/events/go", new { correlationId = "c1" });

        // The server is down: the attempt fails, is recorded, and waits for the next one.
        var failed = await WaitForAsync(client, OutboxStatus.Pending, m => m.GetProperty("lastError").ValueKind == JsonValueKind.String);
        Assert.True(failed.GetProperty("attempts").GetInt32() >= 1);

        // A second step asking for the same reminder (same key) adds nothing.
        await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "remind", correlationId = "c2" });
        await client.PostAsJsonAsync("/api/events/go", new { correlationId = "c2" });

        await smtp.StartAsync();
        var sent = await WaitForAsync(client, OutboxStatus.Sent);
        Assert.Null(sent.GetProperty("lastError").GetString());
        await Task.Delay(1500); // nothing else may arrive
        var received = Assert.Single(smtp.Messages);
        Assert.Equal(Subject, DecodedSubject(received));
        Assert.Contains("Message-Id: <" + Chamber.Host.Email.MessageIds.For("reminder:chamber-7:plan:2026-04-27") + ">", received, StringComparison.OrdinalIgnoreCase);
        var outbox = await client.GetFromJsonAsync<JsonElement>("/api/outbox");
        Assert.Equal(1, outbox.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_outage_of_days_loses_no_mail_until_the_age_limit_and_the_failed_are_sent_again_at_once()
    {
        await using var smtp = new SmtpServer();
        await using var host = new HostFactory(_database, new Dictionary<string, string>
        {
            ["Clock:Mode"] = "Manual",
            ["Clock:Start"] = "2026-04-27T01:00:00Z",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:FirstBackoff"] = "00:00:01",
            ["Email:MaxBackoff"] = "01:00:00",
            ["Email:PollInterval"] = "00:00:00.100",
        });
        using var client = await host.SignedInClientAsync();
        await client.PostAsync("/api/workflow-definitions/import", Json(Mailing("outage")));
        await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "outage", correlationId = "c1" });
        await client.PostAsJsonAsync("/api/events/go", new { correlationId = "c1" });

        // The server stays away for two and a half days: a dozen failed attempts, and the message still waits.
        var attempts = 0;
        for (var hour = 5; hour <= 60; hour += 5)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/clock/advance", new { by = "PT5H" })).StatusCode);
            var waiting = await WaitForAsync(client, OutboxStatus.Pending, m => m.GetProperty("attempts").GetInt32() > attempts);
            attempts = waiting.GetProperty("attempts").GetInt32();
        }

        Assert.True(attempts >= 12, $"only {attempts} attempts");
        // Past three days it is given up, visibly.
        await client.PostAsJsonAsync("/api/clock/advance", new { to = "2026-04-30T02:00:00Z" });
        await WaitForAsync(client, OutboxStatus.Failed);

        // The server is back: one action sends every failed e-mail again.
        await smtp.StartAsync();
        var retried = await (await client.PostAsJsonAsync("/api/outbox/retry-failed", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, retried.GetProperty("requeued").GetInt32());
        await WaitForAsync(client, OutboxStatus.Sent);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task The_outbox_is_for_administrators_and_only_failed_messages_are_sent_again()
    {
        await using var host = new HostFactory(_database);
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/outbox")).StatusCode);

        using var client = await host.SignedInClientAsync();
        await client.PostAsync("/api/workflow-definitions/import", Json(Mailing("notify")));
        await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "notify", correlationId = "c1" });
        await client.PostAsJsonAsync("/api/events/go", new { correlationId = "c1" });
        var sent = await WaitForAsync(client, OutboxStatus.Sent);
        var retry = await client.PostAsync($"/api/outbox/{sent.GetProperty("id").GetString()}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/outbox?status=Lost")).StatusCode);
    }

    [Fact]
    public async Task An_email_step_with_a_bad_address_faults_and_queues_nothing()
    {
        await using var host = new HostFactory(_database);
        using var client = await host.SignedInClientAsync();
        await client.PostAsync("/api/workflow-definitions/import", Json(Mailing("bad").Replace("b@chamber.example", "not-an-address", StringComparison.Ordinal)));
        await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "bad", correlationId = "c1" });
        var results = await (await client.PostAsJsonAsync("/api/events/go", new { correlationId = "c1" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Faulted", results.GetProperty("instances").EnumerateArray().Single().GetProperty("status").GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Two_hosts_resuming_one_step_at_once_queue_its_email_once()
    {
        await using (var setup = EngineNode.Start(_database))
        {
            await setup.MigrateAsync();
            await setup.Definitions.ImportAsync(Mailing("race"));
        }

        await using var first = EngineNode.Start(_database);
        await using var second = EngineNode.Start(_database);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
            ids.Add((await first.Runtime.StartAsync("race", correlationId: $"c{i}")).Bookmarks.Single().Id);

        await Task.WhenAll(ids.SelectMany(id => new[] { ResumeQuietly(first, id), ResumeQuietly(second, id) }));

        await using var db = await first.Get<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var queued = await db.Outbox.AsNoTracking().ToListAsync();
        Assert.Equal(20, queued.Count);
        Assert.Equal(20, queued.Select(m => m.InstanceId).Distinct().Count());
    }

    private static async Task ResumeQuietly(EngineNode node, string bookmarkId)
    {
        try
        {
            await node.Runtime.ResumeAsync(bookmarkId);
        }
        catch (Exception e) when (e is Chamber.Workflows.Runtime.WorkflowConflictException or Chamber.Workflows.Runtime.WorkflowNotFoundException)
        {
            // The other host's resume won.
        }
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, OutboxStatus status, Func<JsonElement, bool>? also = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/outbox");
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("status").GetString() == status.ToString() && (also is null || also(item)))
                    return item;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No outbox message reached {status} within 20 s: {page}");
            await Task.Delay(100);
        }
    }

    /// <summary>The Subject header with its RFC 2047 encoded words decoded.</summary>
    private static string DecodedSubject(string raw)
    {
        var header = SubjectHeader().Match(raw).Groups[1].Value;
        var bytes = EncodedWord().Matches(header).SelectMany(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();
        return bytes.Length > 0 ? Encoding.UTF8.GetString(bytes) : header.Trim();
    }

    [GeneratedRegex(@"^Subject: (.*(?:\r?\n[ \t].*)*)", RegexOptions.Multiline)]
    private static partial Regex SubjectHeader();

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class SqliteEmailTests() : EmailTests(StorageProvider.Sqlite);

public sealed class PostgresEmailTests() : EmailTests(StorageProvider.Postgres);
