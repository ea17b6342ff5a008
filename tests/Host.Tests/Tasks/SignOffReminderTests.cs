using Chamber.Host.Tests.Email;

namespace Chamber.Host.Tests.Tasks;

/// <summary>
/// A sign-off due on 30 April 2026: the approver still to sign is reminded the working day before,
/// chased on the first three working days after the May Day break, and the leader is told in the
/// digest of the second chase (督办) — but not the late approver, though named among the leaders;
/// once everybody has signed, the reminders stop.
/// </summary>
public abstract class SignOffReminderTests(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-04-27T01:00:00Z",
    };

    private const string Plan = """
        {"definitionId":"plan-reminders","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"sign","type":"Chamber.SignOff",
           "title":{"typeName":"String","expression":{"type":"Literal","value":"2026年四好商会创建活动实施方案审批"}},
           "approvers":{"typeName":"Object","expression":{"type":"Literal","value":"leader1@fic.example, leader2@fic.example, role:leader"}},
           "mode":{"typeName":"String","expression":{"type":"Literal","value":"all"}},
           "dueDate":{"typeName":"String","expression":{"type":"Literal","value":"2026-04-30>"}},
           "escalateTo":{"typeName":"Object","expression":{"type":"Literal","value":"chief@fic.example, leader2@fic.example"}}},
          {"id":"ok","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"approved"}}}],
         "connections":[{"source":{"activity":"sign","port":"Approved"},"target":{"activity":"ok","port":"In"}}]}}
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync("leader1@fic.example", "leader");
        await CreateUserAsync("leader2@fic.example", "staff", "李副主席");
        await CreateUserAsync("chief@fic.example", "leader", "王主席");
    }

    [Fact]
    public async Task Late_approvers_are_reminded_and_chased_three_times_on_working_days_and_the_leader_is_told_by_name()
    {
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(Plan, Encoding.UTF8, "application/json"))).StatusCode);
        var started = await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "plan-reminders" });
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        // leader1 signs at once, and also answers the task of the role "leader"; leader2 does not.
        using var leader1 = await SignInAsync("leader1@fic.example");
        foreach (var task in (await leader1.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray())
            Assert.Equal(HttpStatusCode.OK, (await leader1.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", new { action = "approve" })).StatusCode);

        await AdvanceAsync("2026-05-12T02:00:00Z");
        var mail = await MailAsync();
        Assert.Equal(
        [
            ("2026-04-29", "leader2@fic.example", "【提醒】"),
            ("2026-05-06", "leader2@fic.example", "【催办】"),
            ("2026-05-07", "leader2@fic.example", "【催办】"),
            ("2026-05-07", "chief@fic.example", "【督办】"),
            ("2026-05-08", "leader2@fic.example", "【催办】"),
        ], mail.Select(m => (m.Day, m.To, m.Kind)));
        Assert.Contains("逾期1个工作日", mail[1].Subject, StringComparison.Ordinal);
        var digest = await PickupMail.WaitForAsync(Host.PickupDirectory, t => t.Contains("请督办", StringComparison.Ordinal));
        Assert.Contains("王主席：", digest, StringComparison.Ordinal);
        Assert.Contains("仍待李副主席签批（2026年4月30日截止，已逾期 2 个工作日）", digest, StringComparison.Ordinal);

        // leader2 signs: the sign-off is over and nobody is chased any more.
        using var leader2 = await SignInAsync("leader2@fic.example");
        var last = Assert.Single((await leader2.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await leader2.PostAsJsonAsync($"/api/tasks/{last.GetProperty("id").GetString()}/complete", new { action = "approve" })).StatusCode);
        Assert.Equal("Finished", (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}")).GetProperty("status").GetString());
        await AdvanceAsync("2026-05-29T02:00:00Z");
        Assert.Equal(5, (await MailAsync()).Count);
    }

    private async Task AdvanceAsync(string to) =>
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync("/api/clock/advance", new { to })).StatusCode);

    private async Task<List<(string Day, string To, string Kind, string Subject)>> MailAsync() =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(m => (Day: m.GetProperty("createdAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Summary: m.GetProperty("summary").GetString()!))
            .Select(m => (m.Day, m.Summary.Split(" · ")[0], m.Summary.Split(" · ")[1][..4], m.Summary.Split(" · ")[1]))
            .OrderBy(m => m.Day, StringComparer.Ordinal).ThenBy(m => m.Item2 == "chief@fic.example" ? 1 : 0)];
}

public sealed class SqliteSignOffReminderTests() : SignOffReminderTests(StorageProvider.Sqlite);

public sealed class PostgresSignOffReminderTests() : SignOffReminderTests(StorageProvider.Postgres);
