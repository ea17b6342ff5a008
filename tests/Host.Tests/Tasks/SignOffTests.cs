namespace Chamber.Host.Tests.Tasks;

/// <summary>Leaders sign off in their inbox: 会签, 或签, 依次, reject, return, transfer and add signer, each only on their own tasks.</summary>
public abstract class SignOffTests(StorageProvider provider) : HostTestBase(provider)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (email, role) in new[] { ("leader1@fic.example", "leader"), ("leader2@fic.example", "leader"), ("leader3@fic.example", "leader"), ("staff@fic.example", "staff") })
            await CreateUserAsync(email, role);
    }

    private static string Plan(string id, string approvers, string mode) => """
        {"definitionId":"ID","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"sign","type":"Chamber.SignOff",
           "title":{"typeName":"String","expression":{"type":"Literal","value":"2026年四好商会创建活动实施方案审批"}},
           "approvers":{"typeName":"Object","expression":{"type":"Literal","value":"APPROVERS"}},
           "mode":{"typeName":"String","expression":{"type":"Literal","value":"MODE"}},
           "dueDate":{"typeName":"String","expression":{"type":"Literal","value":"2026-04-30>"}}},
          {"id":"ok","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"approved"}}},
          {"id":"no","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"rejected"}}},
          {"id":"revise","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"revised"}}}],
         "connections":[
          {"source":{"activity":"sign","port":"Approved"},"target":{"activity":"ok","port":"In"}},
          {"source":{"activity":"sign","port":"Rejected"},"target":{"activity":"no","port":"In"}},
          {"source":{"activity":"sign","port":"Returned"},"target":{"activity":"revise","port":"In"}},
          {"source":{"activity":"revise","port":"Done"},"target":{"activity":"sign","port":"In"}}]}}
        """.Replace("ID", id, StringComparison.Ordinal).Replace("APPROVERS", approvers, StringComparison.Ordinal).Replace("MODE", mode, StringComparison.Ordinal);

    private async Task<string> StartAsync(string id, string approvers, string mode)
    {
        var imported = await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(Plan(id, approvers, mode), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var started = await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = id, correlationId = id });
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<HttpClient> As(string who) => SignInAsync($"{who}@fic.example");

    private static async Task<List<JsonElement>> OpenTasksAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()];

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, JsonElement task, object answer) =>
        client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", answer);

    private async Task<string?> StatusAsync(string instanceId) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instanceId}")).GetProperty("status").GetString();

    private async Task<string> JournalAsync(string instanceId) => await Admin.GetStringAsync($"/api/workflow-instances/{instanceId}/journal");

    [Fact]
    public async Task All_must_approve_and_each_leader_sees_only_their_own_task()
    {
        var instance = await StartAsync("all", "leader1@fic.example, leader2@fic.example", "会签");
        using var leader1 = await As("leader1");
        using var leader2 = await As("leader2");
        using var staff = await As("staff");

        var task1 = Assert.Single(await OpenTasksAsync(leader1));
        Assert.Equal("2026年四好商会创建活动实施方案审批", task1.GetProperty("task").GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 15, 59, 59, TimeSpan.Zero), task1.GetProperty("task").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Empty(await OpenTasksAsync(staff));

        // Not even an administrator can answer it for them through the generic resume.
        var bookmarks = (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}")).GetProperty("bookmarks");
        var bookmarkId = bookmarks.EnumerateArray().First(b => b.GetProperty("name").GetString() == "Chamber.Task").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await Admin.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { input = new { action = "approve" } })).StatusCode);

        // Not yours: another leader cannot answer it.
        Assert.Equal(HttpStatusCode.Forbidden, (await AnswerAsync(leader2, task1, new { action = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(leader1, task1, new { action = "approve", comment = "同意" })).StatusCode);
        Assert.Equal("Suspended", await StatusAsync(instance));
        Assert.Equal(HttpStatusCode.NotFound, (await AnswerAsync(leader1, task1, new { action = "approve" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(leader2, Assert.Single(await OpenTasksAsync(leader2)), new { action = "approve" })).StatusCode);
        Assert.Equal("Finished", await StatusAsync(instance));
        Assert.Contains("approved", await JournalAsync(instance), StringComparison.Ordinal);

        var done = (await leader1.GetFromJsonAsync<JsonElement>("/api/tasks?status=Done")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("approve", "同意"), (done.GetProperty("action").GetString(), done.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task With_any_mode_a_role_task_goes_to_every_leader_and_the_first_answer_decides()
    {
        var instance = await StartAsync("any", "role:leader", "或签");
        using var leader1 = await As("leader1");
        using var leader3 = await As("leader3");
        var seenBy1 = Assert.Single(await OpenTasksAsync(leader1));
        var seenBy3 = Assert.Single(await OpenTasksAsync(leader3));
        Assert.Equal(seenBy1.GetProperty("id").GetString(), seenBy3.GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(leader3, seenBy3, new { action = "approve" })).StatusCode);
        Assert.Equal("Finished", await StatusAsync(instance));
        Assert.Equal(HttpStatusCode.NotFound, (await AnswerAsync(leader1, seenBy1, new { action = "approve" })).StatusCode);
        Assert.Empty(await OpenTasksAsync(leader1));
    }

    [Fact]
    public async Task In_order_each_signs_after_the_one_before_and_an_added_signer_comes_next()
    {
        var instance = await StartAsync("seq", "leader1@fic.example, leader2@fic.example", "依次");
        using var leader1 = await As("leader1");
        using var leader2 = await As("leader2");
        using var leader3 = await As("leader3");
        Assert.Empty(await OpenTasksAsync(leader2));

        Assert.Equal(HttpStatusCode.BadRequest, (await AnswerAsync(leader1, Assert.Single(await OpenTasksAsync(leader1)), new { action = "addSigner" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(leader1, Assert.Single(await OpenTasksAsync(leader1)),
            new { action = "addSigner", addSigner = "leader3@fic.example", comment = "请财务领导把关" })).StatusCode);
        Assert.Empty(await OpenTasksAsync(leader3));
        await AnswerAsync(leader1, Assert.Single(await OpenTasksAsync(leader1)), new { action = "approve" });

        Assert.Empty(await OpenTasksAsync(leader2));
        await AnswerAsync(leader3, Assert.Single(await OpenTasksAsync(leader3)), new { action = "approve" });
        Assert.Equal("Suspended", await StatusAsync(instance));
        await AnswerAsync(leader2, Assert.Single(await OpenTasksAsync(leader2)), new { action = "approve" });
        Assert.Equal("Finished", await StatusAsync(instance));
    }

    [Fact]
    public async Task A_transferred_task_moves_to_the_new_person()
    {
        var instance = await StartAsync("transfer", "leader1@fic.example", "all");
        using var leader1 = await As("leader1");
        using var leader3 = await As("leader3");
        var task = Assert.Single(await OpenTasksAsync(leader1));
        Assert.Equal(HttpStatusCode.BadRequest, (await AnswerAsync(leader1, task, new { action = "transfer", transferTo = "leader1@fic.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(leader1, task, new { action = "transfer", transferTo = "leader3@fic.example", comment = "出差，请代批" })).StatusCode);

        Assert.Empty(await OpenTasksAsync(leader1));
        await AnswerAsync(leader3, Assert.Single(await OpenTasksAsync(leader3)), new { action = "approve" });
        Assert.Equal("Finished", await StatusAsync(instance));
    }

    [Fact]
    public async Task A_rejection_needs_a_comment_and_ends_the_sign_off_and_a_return_goes_back_for_revision()
    {
        var rejected = await StartAsync("reject", "leader1@fic.example, leader2@fic.example", "all");
        using var leader1 = await As("leader1");
        var task = (await OpenTasksAsync(leader1)).Single(t => t.GetProperty("instanceId").GetString() == rejected);
        Assert.Equal(HttpStatusCode.BadRequest, (await AnswerAsync(leader1, task, new { action = "reject" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AnswerAsync(leader1, task, new { action = "delete", comment = "?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(leader1, task, new { action = "reject", comment = "指标不明确" })).StatusCode);
        Assert.Equal("Finished", await StatusAsync(rejected));
        Assert.Contains("rejected", await JournalAsync(rejected), StringComparison.Ordinal);
        Assert.Empty(await OpenTasksAsync(leader1)); // leader2's task of the rejected sign-off is gone too

        var returned = await StartAsync("return", "leader1@fic.example", "all");
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(leader1, Assert.Single(await OpenTasksAsync(leader1)), new { action = "return", comment = "请补充季度安排" })).StatusCode);
        Assert.Empty(await OpenTasksAsync(leader1));
        await Admin.PostAsJsonAsync("/api/events/revised", new { correlationId = "return" });
        Assert.Single(await OpenTasksAsync(leader1));
        Assert.Equal("Suspended", await StatusAsync(returned));
    }

    [Fact]
    public async Task The_inbox_needs_a_signed_in_user_and_users_are_managed_byAdministrators_only()
    {
        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tasks")).StatusCode);
        using var staff = await As("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/tasks/nope")).StatusCode);

        foreach (var weakPassword in new[] { "short", "abcdefghij", "          ", "ABCDEFGH12" })
        {
            var weak = await Admin.PostAsJsonAsync("/api/users", new { email = "x@fic.example", password = weakPassword, roles = new[] { "leader" } });
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/users",
            new { email = "strong@fic.example", displayName = "强密码", password = "商会工作2026-ok", roles = new[] { "leader" } })).StatusCode);
        var badRole = await Admin.PostAsJsonAsync("/api/users", new { email = "x@fic.example", password = UserPassword, roles = new[] { "king" } });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        var again = await Admin.PostAsJsonAsync("/api/users", new { email = "LEADER1@fic.example", password = UserPassword, roles = new[] { "leader" } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}

public sealed class SqliteSignOffTests() : SignOffTests(StorageProvider.Sqlite);

public sealed class PostgresSignOffTests() : SignOffTests(StorageProvider.Postgres);
