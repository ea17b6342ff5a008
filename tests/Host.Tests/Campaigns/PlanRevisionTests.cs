namespace Chamber.Host.Tests.Campaigns;

/// <summary>A plan the leader returns goes back to the department with the leader's comment, and comes back to the leader revised.</summary>
public abstract class PlanRevisionTests(StorageProvider provider) : CampaignHostTestBase(provider)
{
    [Fact]
    public async Task A_returned_plan_is_revised_by_the_department_and_signed_off_again()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("leader@fic.example", "leader");
        using var staff = await SignInAsync("staff@fic.example");
        using var leader = await SignInAsync("leader@fic.example");
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱
            黄浦区温州商会,异地商会,hp@chamber.example
            """);
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids, planApprovers = new[] { "leader@fic.example" },
        });
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{campaign}/launch", null)).StatusCode);

        var signOff = await TaskAsync(leader, "SignOff");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/tasks/{signOff.GetProperty("id").GetString()}/complete",
            new { action = "return", comment = "请补充季度推进会安排" })).StatusCode);

        // Back to the department, with the comment; a revised plan is attached to the task itself.
        var revise = await TaskAsync(staff, "Revise");
        Assert.Contains("请补充季度推进会安排", revise.GetProperty("task").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Launching", (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("status").GetString());
        var id = revise.GetProperty("id").GetString()!;
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.4 revised plan"u8.ToArray()), "files", "实施方案（修改稿）.pdf");
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/tasks/{id}/files", form)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/tasks/{id}/complete", new { action = "resubmit" })).StatusCode);

        // The leader signs again, reading the revision; the campaign starts.
        var again = await TaskAsync(leader, "SignOff");
        Assert.NotEqual(signOff.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        var files = (await leader.GetFromJsonAsync<JsonElement>($"/api/tasks/{again.GetProperty("id").GetString()}/files")).EnumerateArray();
        Assert.Contains(files, f => f.GetProperty("fileName").GetString() == "实施方案（修改稿）.pdf");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/tasks/{again.GetProperty("id").GetString()}/complete", new { action = "approve" })).StatusCode);
        await CampaignDriver.WaitAsync(async () => (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("status").GetString() == "Running");
    }

    private static async Task<JsonElement> TaskAsync(HttpClient user, string kind)
    {
        JsonElement found = default;
        await CampaignDriver.WaitAsync(async () => (await user.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("task").GetProperty("kind").GetString() == kind).ToList() is [var task] && (found = task).ValueKind == JsonValueKind.Object);
        return found;
    }
}

public sealed class SqlitePlanRevisionTests() : PlanRevisionTests(StorageProvider.Sqlite);

public sealed class PostgresPlanRevisionTests() : PlanRevisionTests(StorageProvider.Postgres);
