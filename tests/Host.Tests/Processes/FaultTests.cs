using System.Diagnostics;

namespace Chamber.Host.Tests.Processes;

/// <summary>
/// The fault suite: real Host processes killed with SIGKILL part-way through a 1,000-chamber
/// campaign's launch, its e-mail delivery and its reminder sweep, and a Host whose disk fills up.
/// Each asserts that nothing is lost, nothing is done twice (beyond the one slice of e-mail the
/// sender documents), and the Host answers throughout. With RunawayScriptTests (a script that never
/// returns) and EmailTests' outage of days, this is what CI runs against the findings of issue 22.
/// </summary>
[Trait("Suite", "Faults")]
public sealed class FaultTests
{
    private const int Chambers = 1_000;

    /// <summary>What a crash may send twice: the messages of one slice (4 per connection, 4 connections) marked sent together.</summary>
    private const int DocumentedSlice = 16;

    private static readonly string ShippedDefinitions = "--Seed:DefinitionsPath=" + Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions");

    /// <summary>Claims of a killed sender run out in seconds here, not the default five minutes, so the test need not wait.</summary>
    private const string ShortLease = "--Email:Lease=00:00:05";

    [Fact]
    public async Task A_launch_and_its_delivery_killed_part_way_start_every_chamber_once_and_deliver_every_email()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var work = Directory.CreateTempSubdirectory("ccw-fault-launch-").FullName;
        try
        {
            string campaign;
            await using (var first = await HostProcess.StartInAsync(database, work, "Production", ShippedDefinitions, ShortLease))
            {
                using var admin = await first.SignedInClientAsync();
                campaign = await LaunchAsync(admin, await ImportChambersAsync(admin));
                // Killed as soon as the launch is under way.
                await EventuallyAsync(async () => (await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("launched").GetInt32() > 0,
                    TimeSpan.FromSeconds(60), pollMilliseconds: 10);
                first.Kill();
            }

            var mail = Path.Combine(work, "data", "mail");
            await using (var second = await HostProcess.StartInAsync(database, work, "Production", ShippedDefinitions, ShortLease))
            {
                using var admin = await second.SignedInClientAsync();
                await EventuallyAsync(async () => await LaunchedAsync(admin, campaign) == Chambers, TimeSpan.FromSeconds(120));
                // Now delivery is under way: killed once part of it is out.
                await EventuallyAsync(() => Task.FromResult(Directory.Exists(mail) && Directory.GetFiles(mail, "*.eml").Length > 100), TimeSpan.FromSeconds(120),
                    pollMilliseconds: 10);
                second.Kill();
            }

            await using var third = await HostProcess.StartInAsync(database, work, "Production", ShippedDefinitions, ShortLease);
            using var after = await third.SignedInClientAsync();
            Assert.Equal(Chambers, await LaunchedAsync(after, campaign));
            var participants = await after.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/participants?status=not-launched");
            Assert.Equal(0, participants.GetProperty("total").GetInt32());

            // One request per chamber in the outbox, every one delivered, none twice beyond a slice, none half-written.
            await EventuallyAsync(async () => (await after.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&status=Sent")).GetProperty("total").GetInt32() == Chambers,
                TimeSpan.FromSeconds(180));
            Assert.Equal(Chambers, (await after.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email")).GetProperty("total").GetInt32());
            var files = Directory.GetFiles(mail, "*.eml");
            Assert.InRange(files.Length, Chambers, Chambers + DocumentedSlice);
            Assert.DoesNotContain(files, f => new FileInfo(f).Length == 0);
            var recipients = files.Select(f => File.ReadLines(f).First(l => l.StartsWith("To:", StringComparison.Ordinal))).Distinct().Count();
            Assert.Equal(Chambers, recipients);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task A_reminder_sweep_killed_part_way_reminds_every_chamber_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var work = Directory.CreateTempSubdirectory("ccw-fault-sweep-").FullName;
        // Small batches, so that the sweep takes long enough to be killed in the middle.
        string[] settings = [ShippedDefinitions, "--Clock:Mode=Manual", "--Clock:Start=2026-04-01T01:00:00Z", "--Email:SenderEnabled=false", "--Timers:BatchSize=5"];
        try
        {
            string campaign;
            await using (var first = await HostProcess.StartInAsync(database, work, "Testing", settings))
            {
                using var admin = await first.SignedInClientAsync();
                campaign = await LaunchAsync(admin, await ImportChambersAsync(admin));
                await EventuallyAsync(async () => await LaunchedAsync(admin, campaign) == Chambers, TimeSpan.FromSeconds(120));
                // The first reminders (seven working days before 30 April) fall due on 21 April; the sweep is killed while it runs.
                var sweep = admin.PostAsJsonAsync("/api/clock/advance", new { to = "2026-04-21T03:00:00Z" });
                // Watched in the database itself (an HTTP round trip is slower than the sweep's batches).
                await EventuallyAsync(() => Task.FromResult(RemindersInOutbox(database) > 0), TimeSpan.FromSeconds(60), pollMilliseconds: 1);
                first.Kill();
                var reached = RemindersInOutbox(database);
                Assert.InRange(reached, 1, Chambers - 1); // killed in the middle of the sweep
                await Assert.ThrowsAnyAsync<Exception>(() => sweep);
            }

            await using var second = await HostProcess.StartInAsync(database, work, "Testing", settings);
            using var after = await second.SignedInClientAsync();
            // The clock starts again where the configuration says; moving it to the same day fires what the crash left.
            Assert.Equal(HttpStatusCode.OK, (await after.PostAsJsonAsync("/api/clock/advance", new { to = "2026-04-21T03:00:00Z" })).StatusCode);
            var reminders = await SummariesAsync(after, "【提醒】");
            Assert.Equal(Chambers, reminders.Count);
            Assert.Equal(Chambers, reminders.Distinct().Count());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task A_full_disk_refuses_writes_with_503_keeps_the_host_answering_and_loses_nothing_once_space_is_back()
    {
        var disk = Directory.CreateTempSubdirectory("ccw-fault-disk-").FullName;
        Assert.True(Run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk) == 0, "mounting a small disk needs root, which ops/test has");
        try
        {
            await using var database = TestDatabase.SqliteIn(Path.Combine(disk, "workflows.db"));
            await using var host = await HostProcess.StartInAsync(database, disk, "Production");
            using var admin = await host.SignedInClientAsync();
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/workflow-definitions/import",
                new StringContent(WaitForEvent, Encoding.UTF8, "application/json"))).StatusCode);
            var before = await StartAsync(admin);
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
            var kept = (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

            // The disk fills up: writes are refused with 503, never a hang or a crash; reads go on.
            var filler = Path.Combine(disk, "filler");
            Fill(filler);
            var watch = Stopwatch.StartNew();
            HttpResponseMessage refused;
            do
            {
                refused = await StartAsync(admin);
            }
            while (refused.StatusCode == HttpStatusCode.Created && watch.Elapsed < TimeSpan.FromSeconds(30)); // the last pages of free space
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("存储空间已满", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/workflow-instances/{kept}")).StatusCode);

            // Space again: the Host carries on by itself, with everything committed before.
            File.Delete(filler);
            await EventuallyAsync(async () => (await StartAsync(admin)).StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(30));
            Assert.Equal("Suspended", (await admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{kept}")).GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/health")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Run("umount", "-l", disk);
            Directory.Delete(disk, recursive: true);
        }
    }

    private const string WaitForEvent = """
        {"definitionId":"wait","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"wait","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}}}]}}
        """;

    private static Task<HttpResponseMessage> StartAsync(HttpClient admin) =>
        admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "wait", input = new Dictionary<string, string> { ["padding"] = new string('x', 20_000) } });

    private static void Fill(string path)
    {
        using var file = File.Create(path);
        var block = new byte[1024 * 1024];
        try
        {
            while (true)
                file.Write(block);
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static async Task<IReadOnlyList<string>> ImportChambersAsync(HttpClient admin)
    {
        var csv = new StringBuilder("名称,所属区,邮箱\n");
        for (var i = 0; i < Chambers; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"测试商会{i:0000},鹿城区,c{i:0000}@chamber.example\n");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "chambers.csv");
        var imported = await (await admin.PostAsync("/api/chambers/import", form)).Content.ReadFromJsonAsync<JsonElement>();
        return [.. imported.GetProperty("chamberIds").EnumerateArray().Select(i => i.GetString()!)];
    }

    private static async Task<string> LaunchAsync(HttpClient admin, IReadOnlyList<string> chambers)
    {
        var created = await admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = chambers });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);
        return id;
    }

    private static long RemindersInOutbox(TestDatabase database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox_messages WHERE summary LIKE '%【提醒】%'";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<int> LaunchedAsync(HttpClient admin, string campaign) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("launched").GetInt32();

    private static async Task<List<string>> SummariesAsync(HttpClient admin, string kind)
    {
        var summaries = new List<string>();
        for (var page = 1; ; page++)
        {
            var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/outbox?channel=email&pageSize=500&page={page}")).GetProperty("items").EnumerateArray().ToList();
            summaries.AddRange(items.Select(i => i.GetProperty("summary").GetString()!).Where(s => s.Contains(kind, StringComparison.Ordinal)));
            if (items.Count < 500)
                return summaries;
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit, int pollMilliseconds = 200)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not reached within {limit.TotalSeconds:0} s.");
            await Task.Delay(pollMilliseconds);
        }
    }

    private static int Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
