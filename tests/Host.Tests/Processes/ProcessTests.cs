using System.Diagnostics;

namespace Chamber.Host.Tests.Processes;

/// <summary>Crashes and clusters with real Host processes.</summary>
public sealed class ProcessTests
{
    private static string Delay(string definitionId, string span) => """
        {"definitionId":"ID","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"SPAN"}}},
          {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"fired"}}}],
         "connections":[{"source":{"activity":"wait","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
        """.Replace("ID", definitionId, StringComparison.Ordinal).Replace("SPAN", span, StringComparison.Ordinal);

    [Fact]
    public async Task A_three_second_delay_survives_kill_minus_nine_and_completes_once_after_restart()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        string? id;
        await using (var first = await HostProcess.StartAsync(database))
        {
            using var client = await first.SignedInClientAsync();
            await client.PostAsync("/api/workflow-definitions/import", Json(Delay("crash-delay", "PT3S")));
            var started = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "crash-delay" });
            id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            first.Kill();
        }

        await Task.Delay(TimeSpan.FromSeconds(3.5)); // the timer falls due while no host runs
        await using var second = await HostProcess.StartAsync(database);
        using var after = await second.SignedInClientAsync();
        await EventuallyFinishedAsync(after, id!);

        Assert.Equal(1, await FiredCountAsync(after, id!));
        await Task.Delay(1000); // another sweep or two: still once
        Assert.Equal(1, await FiredCountAsync(after, id!));
    }

    [Fact]
    public async Task Two_hosts_on_one_postgresql_fire_each_of_a_thousand_timers_once_and_accept_resumes_on_either()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var nodeA = await HostProcess.StartAsync(database);
        await using var nodeB = await HostProcess.StartAsync(database);
        using var a = await nodeA.SignedInClientAsync();
        using var b = await nodeB.SignedInClientAsync();
        await a.PostAsync("/api/workflow-definitions/import", Json(Delay("cluster-delay", "PT3S")));
        await a.PostAsync("/api/workflow-definitions/import", Json(Definitions.Read("approval-fork-join.json")));

        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var response = await (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/workflow-instances", new { definitionId = "cluster-delay" }, ct);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!);
        });

        var approval = await a.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "approval-fork-join", correlationId = "集群" });
        var approvalId = (await approval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var bookmark = (await b.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{approvalId}")).GetProperty("bookmarks")[0].GetProperty("id").GetString();
        Assert.True((await b.PostAsJsonAsync($"/api/bookmarks/{bookmark}/resume", new { })).IsSuccessStatusCode);
        Assert.True((await a.PostAsJsonAsync("/api/events/staff-approved", new { correlationId = "集群" })).IsSuccessStatusCode);
        await EventuallyFinishedAsync(a, approvalId);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await a.GetFromJsonAsync<JsonElement>("/api/workflow-instances?definitionId=cluster-delay&status=Finished&pageSize=1")).GetProperty("total").GetInt32() < 1000)
        {
            Assert.True(DateTime.UtcNow < deadline, "Not every timer fired within 60 s.");
            await Task.Delay(250);
        }

        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            Assert.Equal(1, await FiredCountAsync(id.EndsWith('0') ? a : b, id)));
    }

    [Fact]
    public async Task Two_hosts_started_together_on_an_empty_postgresql_both_come_up_with_one_administrator_and_each_template_once()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var both = await Task.WhenAll(HostProcess.StartAsync(database), HostProcess.StartAsync(database));
        await using var nodeA = both[0];
        await using var nodeB = both[1];
        using var a = await nodeA.SignedInClientAsync();
        using var b = await nodeB.SignedInClientAsync();

        var admins = (await a.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Count(u => u.GetProperty("email").GetString() == HostFactory.AdminEmail);
        Assert.Equal(1, admins);
        var versions = await b.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/four-good-campaign/versions");
        Assert.Equal(1, versions.GetArrayLength());
    }

    [Fact]
    public async Task Two_hosts_launch_a_campaign_on_one_of_them_at_a_time_each_chamber_once_and_without_errors()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var nodeA = await HostProcess.StartAsync(database, "--Email:SenderEnabled=false");
        await using var nodeB = await HostProcess.StartAsync(database, "--Email:SenderEnabled=false");
        using var a = await nodeA.SignedInClientAsync();
        using var b = await nodeB.SignedInClientAsync();
        var csv = new StringBuilder("名称,所属区,邮箱\n");
        for (var i = 0; i < 1500; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"测试商会{i:0000},鹿城区,c{i:0000}@chamber.example\n");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "chambers.csv");
            (await a.PostAsync("/api/chambers/import", form)).EnsureSuccessStatusCode();
        }

        var ids = new List<string>();
        for (var page = 1; ids.Count < 1500; page++)
            ids.AddRange((await a.GetFromJsonAsync<JsonElement>($"/api/chambers?pageSize=500&page={page}")).GetProperty("items").EnumerateArray()
                .Select(c => c.GetProperty("id").GetString()!));
        var created = await a.PostAsJsonAsync("/api/campaigns", new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids,
            schedule = new Dictionary<string, string> { ["planDue"] = "2026-12-28>", ["summaryDue"] = "2026-12-30>" },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await b.PostAsync($"/api/campaigns/{id}/launch", null)).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement view;
        while ((view = await a.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("status").GetString() != "Running")
        {
            Assert.True(DateTime.UtcNow < deadline, "The launch did not finish within 90 s.");
            await Task.Delay(250);
        }

        Assert.Equal(1500, view.GetProperty("launched").GetInt32());
        Assert.Equal(1500, view.GetProperty("stages").EnumerateArray().Sum(s => s.GetProperty("pending").GetInt32()));
        // Both hosts poll for launching campaigns; the one that does not hold the campaign's lock stays out of it.
        Assert.DoesNotContain(nodeA.Output.Concat(nodeB.Output), line => line.Contains("Launching campaigns failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_started_as_deployed_has_the_campaign_templates_without_any_setting()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await HostProcess.StartAsync(database);
        using var admin = await host.SignedInClientAsync();
        var templates = (await admin.GetFromJsonAsync<JsonElement>("/api/campaign-templates")).EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Contains("four-good-campaign", templates);
        Assert.Contains("five-good-campaign", templates);
    }

    [Theory]
    [InlineData("--Clock:Mode=Manual", "ops/demo")]
    [InlineData("--Clock:Mode=Manual", "Rehearsal environments", "Staging")]
    [InlineData("--Seed:AdminEmail=admin@example.com", "Portal:BaseUrl is not set")]
    [InlineData("--Portal:BaseUrl=ftp://fic.example", "not an http(s) address")]
    [InlineData("--Proxy:KnownProxies:0=nginx", "not an IP address")]
    public async Task A_deployed_host_configured_wrongly_refuses_to_start_with_one_clear_line_and_no_stack_trace(string argument, string says,
        string environment = "Production")
    {
        var workingDirectory = Directory.CreateTempSubdirectory("ccw-refused-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Host.dll"));
            start.ArgumentList.Add("--urls=http://127.0.0.1:0");
            start.ArgumentList.Add(argument);
            if (argument.StartsWith("--Proxy:", StringComparison.Ordinal))
                start.ArgumentList.Add("--Portal:BaseUrl=https://campaigns.fic.example");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, process.ExitCode);
            var message = await error;
            Assert.Contains(says, message, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static async Task EventuallyFinishedAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}")).GetProperty("status").GetString() != "Finished")
        {
            Assert.True(DateTime.UtcNow < deadline, $"Instance {id} did not finish within 30 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>How many times the activity after the timer ran (its WriteLine), which must be once.</summary>
    private static async Task<int> FiredCountAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}/journal")).EnumerateArray()
            .Count(e => e.GetProperty("eventName").GetString() == "Message");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
