using System.Diagnostics;

namespace Chamber.Host.Tests.Runtime;

/// <summary>
/// A JavaScript loop that never returns, fired by a timer on the real clock: it faults its own
/// instance with the reason within the script limit, the other instances' timers keep firing, and
/// an administrator can cancel it while it runs.
/// </summary>
public sealed class RunawayScriptTests() : HostTestBase(StorageProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Expressions:JavaScript:Timeout"] = "00:00:01",
    };

    private static string Definition(string id, string script) => """
        {"definitionId":"ID","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"PT1S"}}},
          {"id":"run","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"JavaScript","value":"SCRIPT"}}}],
         "connections":[{"source":{"activity":"wait","port":"Done"},"target":{"activity":"run","port":"In"}}]}}
        """.Replace("ID", id, StringComparison.Ordinal).Replace("SCRIPT", script, StringComparison.Ordinal);

    [Fact]
    public async Task A_script_that_never_returns_faults_its_instance_with_the_reason_and_the_other_timers_fire()
    {
        await ImportAsync(Definition("runaway", "while (true) {}"));
        await ImportAsync(Definition("fine", "return 'fired';"));
        var runaway = await StartAsync("runaway");
        var fine = new List<string>();
        for (var i = 0; i < 3; i++)
            fine.Add(await StartAsync("fine"));

        await EventuallyAsync(async () => await StatusAsync(runaway) == "Faulted" && (await Task.WhenAll(fine.Select(StatusAsync))).All(s => s == "Finished"));
        var incident = (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{runaway}")).GetProperty("incidents")[0];
        // Stopped by whichever limit it reaches first: the time, or the number of statements. The timer
        // ran it in the background, so the incident is written in Chinese.
        Assert.Matches("运行超过 1 秒|执行的语句超过 10,000,000 条", incident.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task An_instance_whose_script_runs_is_cancelled_at_once_and_does_not_run_again()
    {
        await using var host = new HostFactory(Database, new Dictionary<string, string> { ["Expressions:JavaScript:Timeout"] = "00:05:00" });
        using var admin = await host.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/workflow-definitions/import",
            new StringContent(Definition("loop-long", "while (true) {}"), Encoding.UTF8, "application/json"))).StatusCode);
        var id = (await (await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "loop-long" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString()!;
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the timer fires and the script spins

        var watch = Stopwatch.StartNew();
        var cancelled = await admin.PostAsync($"/api/workflow-instances/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"cancel took {watch.Elapsed}");
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}");
        Assert.Equal("Cancelled", view.GetProperty("status").GetString());
        Assert.Empty(view.GetProperty("bookmarks").EnumerateArray());
    }

    [Fact]
    public async Task A_step_that_does_not_stop_on_its_own_does_not_hold_up_the_other_timers()
    {
        // A C# loop (C# has no time limit of its own) that spins for 20 s; the sweep waits 2 s for a step.
        await using var host = new HostFactory(Database, new Dictionary<string, string>
        {
            ["Expressions:EnableCSharp"] = "true",
            ["Timers:StepWaitLimit"] = "00:00:02",
        });
        using var admin = await host.SignedInClientAsync();
        var spin = Definition("spin", "").Replace("\"type\":\"JavaScript\",\"value\":\"\"",
            "\"type\":\"CSharp\",\"value\":\"var end = DateTime.UtcNow.AddSeconds(20); while (DateTime.UtcNow < end) { } return \\\"done\\\";\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/workflow-definitions/import", new StringContent(spin, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/workflow-definitions/import",
            new StringContent(Definition("quick", "return 'fired';"), Encoding.UTF8, "application/json"))).StatusCode);
        var spinning = (await (await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "spin" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the spinning step has started
        var quick = (await (await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "quick" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var watch = Stopwatch.StartNew();
        while ((await admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{quick}")).GetProperty("status").GetString() != "Finished")
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), "the other timer waited for the spinning step");
            await Task.Delay(200);
        }

        Assert.Equal("Suspended", (await admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{spinning}")).GetProperty("status").GetString());
    }

    private async Task ImportAsync(string json) =>
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode);

    private async Task<string> StartAsync(string definitionId) =>
        (await (await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

    private async Task<string> StatusAsync(string id) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}")).GetProperty("status").GetString()!;

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not reached within 30 s.");
            await Task.Delay(200);
        }
    }
}
