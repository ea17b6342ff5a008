using Chamber.Host.Tests.Campaigns;

namespace Chamber.Host.Tests.Reviews;

/// <summary>
/// Evidence per standard: a chamber documents the standards on its portal, staff see who is missing
/// what before the review, the reviewer reads it beside the item being scored, and nothing changes
/// while it is being scored.
/// </summary>
public abstract class EvidenceTests(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-04-01T01:00:00Z",
        ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
        ["Portal:LinkLifetime"] = "400.00:00:00",
    };

    [Fact]
    public async Task A_chamber_documents_each_standard_and_the_reviewer_scores_beside_it()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        using var staff = await SignInAsync("staff@fic.example");
        using var reviewer = await SignInAsync("reviewer@fic.example");
        using var portal = Host.CreateClient();
        var ids = await ImportChambersAsync("名称,邮箱\n鹿城区五马街道商会,wuma@chamber.example\n温州市服装商会,fz@chamber.example\n");
        var tokens = new List<string>();
        foreach (var id in ids)
        {
            tokens.Add((await (await Admin.PostAsync($"/api/chambers/{id}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("link").GetString()!.Split("/portal/")[1]);
        }

        var driver = new CampaignDriver(Admin, staff, reviewer, portal);
        var campaignId = await driver.CreateAndLaunchAsync(new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids, reviewers = new[] { "role:staff" },
            schedule = new Dictionary<string, string> { ["scorers"] = "role:reviewer" },
        });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(campaignId)).GetProperty("status").GetString() == "Running");

        // The portal lists the campaign's hand-scored standards, none documented yet.
        var sheet = Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[0]}/evidence")).EnumerateArray());
        var rubric = Chamber.Campaigns.Reviews.Rubrics.Get("four-good");
        Assert.Equal(rubric.Scored.Count(), sheet.GetProperty("items").GetArrayLength());
        Assert.True(sheet.GetProperty("open").GetBoolean());
        Assert.Equal(0, sheet.GetProperty("provided").GetInt32());
        var instanceId = sheet.GetProperty("instanceId").GetString();
        var item = rubric.Scored.First().Id;
        var other = rubric.Scored.Last().Id;

        // A note and a file on one standard, a note on another; bad input changes nothing.
        var noted = await portal.PutAsJsonAsync($"/api/portal/{tokens[0]}/evidence/{instanceId}/{item}/note", new { note = "理事会按期换届，见会议纪要。" });
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(portal, tokens[0], instanceId, item, "换届会议纪要.pdf", "%PDF-1.4 minutes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await portal.PutAsJsonAsync($"/api/portal/{tokens[0]}/evidence/{instanceId}/{other}/note", new { note = "开展会员培训 3 次。" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(portal, tokens[0], instanceId, item, "tool.exe", "MZ\u0090\0program")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await portal.PutAsJsonAsync($"/api/portal/{tokens[0]}/evidence/{instanceId}/{item}/note", new { note = new string('记', 2001) })).StatusCode);
        // Another chamber's link cannot touch it, nor an item the rubric does not have.
        Assert.Equal(HttpStatusCode.NotFound,
            (await portal.PutAsJsonAsync($"/api/portal/{tokens[1]}/evidence/{instanceId}/{item}/note", new { note = "冒名" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await portal.PutAsJsonAsync($"/api/portal/{tokens[0]}/evidence/{instanceId}/no-such-item/note", new { note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/api/portal/{tokens[0]}x/evidence")).StatusCode);

        sheet = Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[0]}/evidence")).EnumerateArray());
        Assert.Equal(2, sheet.GetProperty("provided").GetInt32());
        var documented = sheet.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetString() == item);
        Assert.Equal("理事会按期换届，见会议纪要。", documented.GetProperty("note").GetString());
        Assert.Equal("换届会议纪要.pdf", Assert.Single(documented.GetProperty("files").EnumerateArray()).GetProperty("fileName").GetString());

        // Before the review, staff see who has documented how many standards.
        var view = await driver.CampaignAsync(campaignId);
        Assert.Equal(rubric.Scored.Count(), view.GetProperty("scoredItems").GetInt32());
        var participants = await driver.ParticipantsAsync(campaignId);
        Assert.Equal((2, 0), (participants["鹿城区五马街道商会"].GetProperty("evidence").GetInt32(), participants["温州市服装商会"].GetProperty("evidence").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/workflow-instances/{instanceId}/evidence")).StatusCode);

        // Plans and summaries in, the review starts: the reviewer reads the evidence beside the items.
        await driver.AdvanceAsync("2026-04-20T02:00:00Z");
        foreach (var token in tokens)
            await driver.SubmitAsync(token, "贯彻落实意见（实施方案）");
        await driver.CheckAllAsync();
        await driver.AdvanceAsync("2026-11-20T02:00:00Z");
        foreach (var token in tokens)
            await driver.SubmitAsync(token, "年度创建工作总结");
        await driver.CheckAllAsync();
        JsonElement review = default;
        await CampaignDriver.WaitAsync(async () =>
        {
            var tasks = (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=50")).GetProperty("items").EnumerateArray()
                .Where(t => t.GetProperty("task").GetProperty("kind").GetString() == "RubricReview"
                    && t.GetProperty("task").GetProperty("context").GetProperty("chamber").GetString() == "鹿城区五马街道商会").ToList();
            review = tasks.FirstOrDefault();
            return tasks.Count == 1;
        });
        var seen = await reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks/{review.GetProperty("id").GetString()}/evidence");
        Assert.Equal("理事会按期换届，见会议纪要。", seen.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetString() == item)
            .GetProperty("note").GetString());
        var fileId = seen.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetString() == item).GetProperty("files")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/submissions/files/{fileId}")).StatusCode);
        // Someone without a task there reads nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/api/workflow-instances/{instanceId}/evidence")).StatusCode);

        // While it is being scored, the chamber cannot change it.
        Assert.False(Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[0]}/evidence")).EnumerateArray())
            .GetProperty("open").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict,
            (await portal.PutAsJsonAsync($"/api/portal/{tokens[0]}/evidence/{instanceId}/{item}/note", new { note = "评分时修改" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await portal.DeleteAsync($"/api/portal/{tokens[0]}/evidence/{instanceId}/files/{fileId}")).StatusCode);
        Assert.Equal("理事会按期换届，见会议纪要。", (await staff.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instanceId}/evidence"))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetString() == item).GetProperty("note").GetString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient portal, string token, string? instanceId, string item, string name, string content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.Latin1.GetBytes(content)), "files", name);
        return await portal.PostAsync($"/api/portal/{token}/evidence/{instanceId}/{item}/files", form);
    }
}

public sealed class SqliteEvidenceTests() : EvidenceTests(StorageProvider.Sqlite);

public sealed class PostgresEvidenceTests() : EvidenceTests(StorageProvider.Postgres);
