using System.Text.RegularExpressions;

namespace Chamber.Host.Tests.Processes;

/// <summary>
/// <c>Host backup</c> while the Host runs, <c>Host restore</c> into a fresh database, and a new
/// Host that carries on where the old one was: its timers fire, its waiting approvals resume and its
/// unsent mail goes out, each once; a campaign under way carries on, its chambers' links still open.
/// </summary>
public abstract class BackupTests(StorageProvider provider)
{
    private const string Delay = """
        {"definitionId":"backup-delay","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"PT6S"}}},
          {"id":"after","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"fired"}}}],
         "connections":[{"source":{"activity":"wait","port":"Done"},"target":{"activity":"after","port":"In"}}]}}
        """;

    private const string Mailing = """
        {"definitionId":"backup-mail","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"mail","type":"Elsa.SendEmail",
           "to":{"typeName":"Object","expression":{"type":"Literal","value":"a@chamber.example"}},
           "subject":{"typeName":"String","expression":{"type":"Literal","value":"备份之前的提醒"}},
           "body":{"typeName":"String","expression":{"type":"Literal","value":"<p>请按时提交。</p>"}},
           "idempotencyKey":{"typeName":"String","expression":{"type":"Literal","value":"backup-reminder"}}}],
         "connections":[]}}
        """;

    [Fact]
    public async Task A_backup_taken_while_the_host_runs_restores_into_a_fresh_database_that_resumes_timers_approvals_and_mail()
    {
        await using var smtp = new SmtpServer(); // down until the restored Host runs
        string[] mail = ["--Email:Smtp:Host=127.0.0.1", $"--Email:Smtp:Port={smtp.Port}", "--Email:FirstBackoff=00:00:01",
            "--Email:MaxBackoff=00:00:01", "--Email:PollInterval=00:00:00.200"];
        var backup = Path.Combine(Path.GetTempPath(), "ccw-tests", $"backup-{Guid.NewGuid():N}.bak");
        await using var original = await TestDatabase.CreateAsync(provider);
        await using var fresh = await TestDatabase.CreateAsync(provider);
        string delayId, approvalId, campaignId, portalToken;
        await using (var running = await HostProcess.StartAsync(original, mail))
        {
            using var client = await running.SignedInClientAsync();
            await client.PostAsync("/api/workflow-definitions/import", Json(Delay));
            await client.PostAsync("/api/workflow-definitions/import", Json(Mailing));
            await client.PostAsync("/api/workflow-definitions/import", Json(Definitions.Read("approval-fork-join.json")));
            delayId = await StartAsync(client, "backup-delay");
            approvalId = await StartAsync(client, "approval-fork-join", "备份");
            await StartAsync(client, "backup-mail");

            // A campaign under way: two chambers asked for their plan, the request e-mails waiting for the mail server.
            using (var form = new MultipartFormDataContent())
            {
                form.Add(new ByteArrayContent("名称,所属区,邮箱\n鹿城区五马街道商会,鹿城区,wuma@chamber.example\n温州市服装商会,鹿城区,fz@chamber.example\n"u8.ToArray()),
                    "file", "chambers.csv");
                (await client.PostAsync("/api/chambers/import", form)).EnsureSuccessStatusCode();
            }

            var chambers = (await client.GetFromJsonAsync<JsonElement>("/api/chambers")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
            var created = await client.PostAsJsonAsync("/api/campaigns", new
            {
                name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = chambers,
                schedule = new Dictionary<string, string> { ["planDue"] = "2026-12-28>", ["summaryDue"] = "2026-12-30>" },
            });
            campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            (await client.PostAsync($"/api/campaigns/{campaignId}/launch", null)).EnsureSuccessStatusCode();
            await EventuallyAsync(async () => (await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}")).GetProperty("status").GetString() == "Running",
                "the campaign's launch");
            // A chamber's personal link, signed with the key ring in the database: it must open after the restore too.
            portalToken = (await (await client.PostAsync($"/api/chambers/{chambers[0]}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("link").GetString()!.Split("/portal/")[1];
            await EventuallyAsync(async () => (await client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray()
                .Any(m => m.GetProperty("lastError").ValueKind == JsonValueKind.String), "the first delivery attempt failing");

            // The Host keeps running (and retrying the mail) while the backup is taken.
            var (code, output) = await HostProcess.RunCommandAsync(original, "backup", "--to", backup);
            Assert.True(code == 0, output);
            Assert.Contains("Backed up", output, StringComparison.Ordinal);
            Assert.True(new FileInfo(backup).Length > 0);
            running.Kill();
        }

        try
        {
            var (restored, said) = await HostProcess.RunCommandAsync(fresh, "restore", "--from", backup);
            Assert.True(restored == 0, said);

            // A second restore over data that is there now is refused, and says how to go on.
            var (again, refusal) = await HostProcess.RunCommandAsync(fresh, "restore", "--from", backup);
            Assert.Equal(2, again);
            Assert.Contains("--force", refusal, StringComparison.Ordinal);
            var (missing, noBackup) = await HostProcess.RunCommandAsync(fresh, "restore", "--from", backup + ".nowhere");
            Assert.Equal(2, missing);
            Assert.Contains("no backup", noBackup, StringComparison.Ordinal);

            await smtp.StartAsync();
            await using var resumed = await HostProcess.StartAsync(fresh, mail);
            using var after = await resumed.SignedInClientAsync();
            await EventuallyAsync(async () => await StatusAsync(after, delayId) == "Finished", "the timer firing");
            // The reminder and the campaign's two requests, all waiting at the backup.
            await EventuallyAsync(() => Task.FromResult(smtp.Messages.Count == 3), "the mail arriving");

            // The campaign carries on: the chamber's link from before the backup opens, and its plan is taken.
            var campaign = await after.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}");
            Assert.Equal(("Running", 2), (campaign.GetProperty("status").GetString(), campaign.GetProperty("stages").EnumerateArray().Sum(st => st.GetProperty("pending").GetInt32())));
            using var portal = new HttpClient { BaseAddress = resumed.Address };
            var item = (await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{portalToken}")).GetProperty("items")[0].GetProperty("id").GetString();
            using (var upload = new MultipartFormDataContent())
            {
                upload.Add(new ByteArrayContent("%PDF-1.4 plan"u8.ToArray()), "files", "实施方案.pdf");
                Assert.Equal(HttpStatusCode.OK, (await portal.PostAsync($"/api/portal/{portalToken}/items/{item}/submit", upload)).StatusCode);
            }

            var bookmark = (await after.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{approvalId}")).GetProperty("bookmarks")[0].GetProperty("id").GetString();
            Assert.True((await after.PostAsJsonAsync($"/api/bookmarks/{bookmark}/resume", new { })).IsSuccessStatusCode);
            Assert.True((await after.PostAsJsonAsync("/api/events/staff-approved", new { correlationId = "备份" })).IsSuccessStatusCode);
            await EventuallyAsync(async () => await StatusAsync(after, approvalId) == "Finished", "the approval finishing");

            await Task.Delay(1500); // nothing is sent twice
            Assert.Equal(3, smtp.Messages.Select(m => Regex.Match(m, "^Message-Id: (.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Groups[1].Value).Distinct().Count());
            Assert.Equal(3, smtp.Messages.Count);
        }
        finally
        {
            File.Delete(backup);
        }
    }

    private static async Task<string> StartAsync(HttpClient client, string definitionId, string? correlationId = null)
    {
        var response = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId, correlationId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string?> StatusAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}")).GetProperty("status").GetString();

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 40 s for {what}.");
            await Task.Delay(200);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class SqliteBackupTests() : BackupTests(StorageProvider.Sqlite);

public sealed class PostgresBackupTests() : BackupTests(StorageProvider.Postgres);
