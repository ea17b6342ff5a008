using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chamber.Workflows.Persistence;

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

    private static async Task<string?> StatusAsync(HttpClient client, string? id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}")).GetProperty("status").GetString();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class SqliteTimerApiTests() : TimerApiTests(StorageProvider.Sqlite);

public sealed class PostgresTimerApiTests() : TimerApiTests(StorageProvider.Postgres);
