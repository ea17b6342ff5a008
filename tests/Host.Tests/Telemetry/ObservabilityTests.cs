using Chamber.Host.Tests.Processes;

namespace Chamber.Host.Tests.Telemetry;

/// <summary>
/// Metrics, logs and readiness of a real Host process (its own process, so the process-wide
/// counters hold this test's work only).
/// </summary>
public sealed class ObservabilityTests
{
    private const string Delay = """
        {"definitionId":"metrics-delay","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"PT1S"}}}],"connections":[]}}
        """;

    private const string Faulting = """
        {"definitionId":"metrics-fault","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"boom","type":"Elsa.RunJavaScript","script":{"typeName":"String","expression":{"type":"Literal","value":"throw new Error('故障')"}}}],"connections":[]}}
        """;

    private const string Mailing = """
        {"definitionId":"metrics-mail","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"mail","type":"Elsa.SendEmail",
           "to":{"typeName":"Object","expression":{"type":"Literal","value":"a@chamber.example"}},
           "subject":{"typeName":"String","expression":{"type":"Literal","value":"指标"}},
           "body":{"typeName":"String","expression":{"type":"Literal","value":"<p>您好</p>"}}}],"connections":[]}}
        """;

    [Fact]
    public async Task Metrics_count_instances_timers_and_mail_for_administrators_and_logs_can_be_json()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await HostProcess.StartAsync(database, "--Logging:LogLevel:Default=Information", "--Logging:Console:FormatterName=json");
        using var admin = await host.SignedInClientAsync();
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);

        foreach (var definition in new[] { Delay, Faulting, Mailing })
            (await admin.PostAsync("/api/workflow-definitions/import", new StringContent(definition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
            await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "metrics-delay" });
        await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "metrics-fault" });
        await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "metrics-mail" });

        var metrics = "";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // Each figure is recorded once its step is committed, so the scrape is repeated until all are in.
        while (Value(metrics, "chamber_workflow_instances_ended_total", "status=\"Finished\"") != 4
            || Value(metrics, "chamber_outbox_deliveries_total", "outcome=\"sent\"") != 1
            || Value(metrics, "chamber_workflow_timer_lateness_seconds_count") != 3
            || Value(metrics, "chamber_workflow_instances_started_total") != 5)
        {
            Assert.True(DateTime.UtcNow < deadline, "The metrics did not show the finished instances and the sent mail within 30 s:\n" + metrics);
            await Task.Delay(300);
            metrics = await admin.GetStringAsync("/metrics");
        }

        Assert.Equal(5, Value(metrics, "chamber_workflow_instances_started_total"));
        Assert.Equal(1, Value(metrics, "chamber_workflow_instances_ended_total", "status=\"Faulted\""));
        Assert.Equal(3, Value(metrics, "chamber_workflow_timer_lateness_seconds_count"));
        Assert.Equal(1, Value(metrics, "chamber_outbox_deliveries_total", "channel=\"email\"", "outcome=\"sent\""));
        Assert.Equal(0, Value(metrics, "chamber_outbox_waiting", "channel=\"email\"") ?? 0);
        Assert.Equal(0, Value(metrics, "chamber_campaign_launch_remaining"));
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);

        // Every line of the console log is one JSON object.
        var lines = host.Output.Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("LogLevel", out _), line));
    }

    /// <summary>The value of the sample of <paramref name="name"/> whose labels include every one given (Prometheus text format), or null.</summary>
    private static double? Value(string metrics, string name, params string[] labels)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (!line.StartsWith(name + "{", StringComparison.Ordinal) && !line.StartsWith(name + " ", StringComparison.Ordinal))
                continue;
            var labelEnd = line.LastIndexOf('}');
            var labelText = labelEnd < 0 ? "" : line[..labelEnd];
            if (labels.All(l => labelText.Contains(l, StringComparison.Ordinal)))
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }

    [Fact]
    public async Task On_a_private_port_metrics_need_no_sign_in_and_the_public_port_does_not_serve_them()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int publicPort = HostProcess.FreePort(), privatePort = HostProcess.FreePort();
        await using var host = await HostProcess.StartAsync(database,
            $"--urls=http://127.0.0.1:{publicPort};http://127.0.0.1:{privatePort}", $"--Telemetry:MetricsPort={privatePort}");
        using var prometheus = new HttpClient();
        var scraped = await prometheus.GetAsync($"http://127.0.0.1:{privatePort}/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("chamber_campaign_launch_remaining", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = await host.SignedInClientAsync();
        var onPublic = await admin.GetAsync("/metrics");
        Assert.DoesNotContain("chamber_", await onPublic.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A Host header naming the private port changes nothing: the port the connection came in on decides.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{privatePort}";
        Assert.DoesNotContain("chamber_", await (await admin.SendAsync(spoofed)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary><c>/api/health/ready</c>: database, timer scheduler and mail, each named.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_with_the_pickup_folder_and_not_ready_while_the_smtp_server_is_down()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var pickup = new HostFactory(database))
        {
            using var client = pickup.CreateClient();
            var ready = await client.GetAsync("/api/health/ready");
            var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(ready.StatusCode == HttpStatusCode.OK, report.ToString());
            Assert.Equal(["database", "mail", "scheduler"], report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        }

        await using var smtp = new SmtpServer(); // not started: nothing listens on its port
        await using var host = new HostFactory(database, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SenderEnabled"] = "false",
        });
        using var anonymous = host.CreateClient();
        var down = await anonymous.GetAsync("/api/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var checks = (await down.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["mail"]);
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["scheduler"]);
        // Liveness is unaffected: the process runs and reaches its database.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);
    }
}
