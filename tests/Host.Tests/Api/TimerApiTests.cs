using System.Text.Json.Nodes;

namespace Chamber.Host.Tests.Api;

/// <summary>Timers through the Host: the manual clock API, and a real-time Delay fired by the background service.</summary>
public abstract class TimerApiTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Start = "2026-11-21T02:00:00Z";

    private const string DelayTwoHours = """
        {"definitionId":"wait-two-hours","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"PT2H"}}},
          {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"两小时后 two hours later"}}}],
         "connections":[{"source":{"activity":"wait","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
        """;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task On_the_manual_clock_a_two_hour_delay_finishes_when_the_clock_passes_two_hours()
    {
        await using var host = new HostFactory(_database, new Dictionary<string, string> { ["Clock:Mode"] = "Manual", ["Clock:Start"] = Start });
        using var client = await host.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/workflow-definitions/import", Json(DelayTwoHours))).StatusCode);
        var clock = await client.GetFromJsonAsync<JsonElement>("/api/clock");
        Assert.Equal("Manual", clock.GetProperty("mode").GetString());
        Assert.Equal(DateTimeOffset.Parse(Start, System.Globalization.CultureInfo.InvariantCulture), clock.GetProperty("now").GetDateTimeOffset());

        var started = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "wait-two-hours" });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var early = await client.PostAsJsonAsync("/api/clock/advance", new { by = "PT1H59M" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal("Suspended", await StatusAsync(client, id));

        var onTime = await client.PostAsJsonAsync("/api/clock/advance", new { by = "00:01:00" });
        Assert.Equal("2026-11-21T04:00:00+00:00", (await onTime.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetString());
        Assert.Equal("Finished", await StatusAsync(client, id));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/clock/advance", new { to = "2020-01-01T00:00:00Z" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/clock/advance", new { by = "soon" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/clock/advance", new { })).StatusCode);

        // Moving time moves every campaign's deadlines: administrators only, not staff.
        var staffUser = await client.PostAsJsonAsync("/api/users", new { email = "staff@fic.example", displayName = "staff", password = "Staff-Password-1", roles = new[] { "staff" } });
        staffUser.EnsureSuccessStatusCode();
        using var staff = await host.SignedInClientAsync("staff@fic.example", "Staff-Password-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/clock/advance", new { by = "PT1H" })).StatusCode);
    }

    [Fact]
    public async Task On_the_system_clock_a_real_delay_fires_by_itself_and_advance_does_not_exist()
    {
        await using var host = new HostFactory(_database);
        using var client = await host.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/clock/advance", new { by = "PT1H" })).StatusCode);
        var oneSecond = DelayTwoHours.Replace("PT2H", "PT1S", StringComparison.Ordinal).Replace("wait-two-hours", "wait-one-second", StringComparison.Ordinal);
        await client.PostAsync("/api/workflow-definitions/import", Json(oneSecond));

        var started = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "wait-one-second" });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal("Suspended", await StatusAsync(client, id));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await StatusAsync(client, id) != "Finished")
        {
            Assert.True(DateTime.UtcNow < deadline, "The 1 s delay did not fire within 15 s.");
            await Task.Delay(100);
        }
    }

    private static string Triggered(string id, string trigger, string text = "triggered") => """
        {"definitionId":"ID","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          TRIGGER,
          {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"TEXT"}}}],
         "connections":[{"source":{"activity":"trigger","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
        """.Replace("ID", id, StringComparison.Ordinal).Replace("TRIGGER", trigger, StringComparison.Ordinal).Replace("TEXT", text, StringComparison.Ordinal);

    private static string CronTrigger(string cron) =>
        """{"id":"trigger","type":"Elsa.Cron","customProperties":{"canStartWorkflow":true},"cronExpression":{"typeName":"String","expression":{"type":"Literal","value":"CRON"}}}"""
            .Replace("CRON", cron, StringComparison.Ordinal);

    [Fact]
    public async Task A_cron_activity_is_stored_and_exported_with_the_zone_it_is_read_in()
    {
        await using var host = new HostFactory(_database);
        using var client = await host.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/workflow-definitions/import", Json(Triggered("zoned", CronTrigger("0 0 9 * * 1-5"))))).StatusCode);
        var exported = JsonNode.Parse(await client.GetStringAsync("/api/workflow-definitions/zoned/export"))!;
        var cron = exported["root"]!["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Elsa.Cron")!;
        Assert.Equal("Asia/Shanghai", cron["timeZone"]!["expression"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cron_trigger_starts_one_instance_per_occurrence_and_republishing_neither_repeats_nor_skips_one()
    {
        // Saturday 10:00 in Beijing; the trigger fires at 9:00 Beijing time on weekdays (01:00 UTC).
        await using var host = new HostFactory(_database, new Dictionary<string, string> { ["Clock:Mode"] = "Manual", ["Clock:Start"] = Start });
        using var client = await host.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/workflow-definitions/import", Json(Triggered("weekday-morning", CronTrigger("0 0 9 ? * MON-FRI"))))).StatusCode);

        await client.PostAsJsonAsync("/api/clock/advance", new { to = "2026-11-24T00:00:00Z" });
        var monday = await InstancesAsync(client, "weekday-morning");
        Assert.Equal(["2026-11-23T01:00:00"], monday.Select(i => i.Created));
        Assert.All(monday, i => Assert.Equal("Finished", i.Status));

        // Republished with the same schedule (new text): Tuesday's start still comes, once.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/workflow-definitions/weekday-morning", Json(Triggered("weekday-morning", CronTrigger("0 0 9 ? * MON-FRI"), "v2")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/workflow-definitions/weekday-morning/publish", null)).StatusCode);
        await client.PostAsJsonAsync("/api/clock/advance", new { to = "2026-11-24T01:00:00Z" });
        Assert.Equal(["2026-11-24T01:00:00", "2026-11-23T01:00:00"], (await InstancesAsync(client, "weekday-morning")).Select(i => i.Created));

        // A changed schedule replaces the old one from now on: 9:30 on Tuesday and Wednesday, no 9:00 on Wednesday.
        await client.PutAsync("/api/workflow-definitions/weekday-morning", Json(Triggered("weekday-morning", CronTrigger("0 30 9 ? * MON-FRI"), "v3")));
        await client.PostAsync("/api/workflow-definitions/weekday-morning/publish", null);
        await client.PostAsJsonAsync("/api/clock/advance", new { to = "2026-11-25T02:00:00Z" });
        var wednesday = await InstancesAsync(client, "weekday-morning");
        Assert.Equal(["2026-11-25T01:30:00", "2026-11-24T01:30:00", "2026-11-24T01:00:00", "2026-11-23T01:00:00"], wednesday.Select(i => i.Created));
        Assert.Equal(3, wednesday[0].Version);

        // Retracted: no more starts.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/workflow-definitions/weekday-morning/retract", null)).StatusCode);
        await client.PostAsJsonAsync("/api/clock/advance", new { by = "P7D" });
        Assert.Equal(4, (await InstancesAsync(client, "weekday-morning")).Count);
    }

    [Fact]
    public async Task A_start_at_trigger_starts_its_workflow_once_even_when_republished()
    {
        await using var host = new HostFactory(_database, new Dictionary<string, string> { ["Clock:Mode"] = "Manual", ["Clock:Start"] = Start });
        using var client = await host.SignedInClientAsync();
        const string trigger = """{"id":"trigger","type":"Elsa.StartAt","customProperties":{"canStartWorkflow":true},"dateTime":{"typeName":"DateTimeOffset","expression":{"type":"Literal","value":"2026-11-22T00:00:00Z"}}}""";
        await client.PostAsync("/api/workflow-definitions/import", Json(Triggered("once", trigger)));

        await client.PostAsJsonAsync("/api/clock/advance", new { to = "2026-11-21T23:59:59Z" });
        Assert.Empty(await InstancesAsync(client, "once"));
        await client.PostAsJsonAsync("/api/clock/advance", new { to = "2026-11-22T00:00:00Z" });
        Assert.Equal(["2026-11-22T00:00:00"], (await InstancesAsync(client, "once")).Select(i => i.Created));

        await client.PutAsync("/api/workflow-definitions/once", Json(Triggered("once", trigger, "v2")));
        await client.PostAsync("/api/workflow-definitions/once/publish", null);
        await client.PostAsJsonAsync("/api/clock/advance", new { by = "P2D" });
        Assert.Single(await InstancesAsync(client, "once"));
    }

    [Fact]
    public async Task On_the_system_clock_a_timer_trigger_starts_its_workflow_every_interval()
    {
        await using var host = new HostFactory(_database);
        using var client = await host.SignedInClientAsync();
        const string trigger = """{"id":"trigger","type":"Elsa.Timer","customProperties":{"canStartWorkflow":true},"interval":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"00:00:01"}}}""";
        await client.PostAsync("/api/workflow-definitions/import", Json(Triggered("every-second", trigger)));
        var since = System.Diagnostics.Stopwatch.StartNew();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<(string Created, string? Status, int Version)> started;
        while ((started = await InstancesAsync(client, "every-second")).Count(i => i.Status == "Finished") < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {started.Count} scheduled starts within 20 s.");
            await Task.Delay(100);
        }

        // Never more starts than intervals elapsed: a late sweep (a loaded machine) may start two
        // occurrences within one wall-clock second, but never one occurrence twice.
        Assert.InRange(started.Count, 3, (int)Math.Ceiling(since.Elapsed.TotalSeconds) + 1);
    }

    /// <summary>Instances of a definition, newest first, with their creation time (UTC, to the second).</summary>
    private static async Task<IReadOnlyList<(string Created, string? Status, int Version)>> InstancesAsync(HttpClient client, string definitionId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances?definitionId={definitionId}");
        return [.. page.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("createdAt").GetDateTime().ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                i.GetProperty("status").GetString(), i.GetProperty("version").GetInt32()))
            .OrderByDescending(i => i.Item1, StringComparer.Ordinal)];
    }

    private static async Task<string?> StatusAsync(HttpClient client, string? id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}")).GetProperty("status").GetString();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class SqliteTimerApiTests() : TimerApiTests(StorageProvider.Sqlite);

public sealed class PostgresTimerApiTests() : TimerApiTests(StorageProvider.Postgres);
