using System.Text.Json.Nodes;
using Chamber.Host.Tests.Campaigns;

namespace Chamber.Host.Tests.Reviews;

/// <summary>
/// Standards as data: an administrator lowers the Five-Good coverage threshold from 30 % to 10 %
/// (as 003's district does); a campaign launched before keeps version 1 and scores a federation
/// covering 20 % without the indicator's points, one launched after scores it with them. Bad edits
/// are refused with every problem named, and only administrators edit.
/// </summary>
public abstract class RubricVersionTests(StorageProvider provider) : CampaignHostTestBase(provider)
{
    [Fact]
    public async Task An_edit_makes_a_new_version_which_new_campaigns_use_while_a_running_one_keeps_its_own()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        using var staff = await SignInAsync("staff@fic.example");
        using var reviewer = await SignInAsync("reviewer@fic.example");
        var driver = new CampaignDriver(Admin, staff, reviewer, Host.CreateClient());
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱,会员数,企业会员数,上年会员数,本地非公经济市场主体数
            沙洋县工商联,县级工商联,sy@fic.example,1000,900,900,5000
            """);
        await ImportReviewOnlyTemplateAsync("five-good");

        var shipped = await Admin.GetFromJsonAsync<JsonElement>("/api/rubrics/five-good");
        Assert.Equal(1, shipped.GetProperty("version").GetInt32());
        var before = await LaunchAsync(driver, ids, "复核演练（修订前）");

        // Refused: every problem at once, nothing kept.
        var edited = JsonNode.Parse(shipped.GetRawText())!.AsObject();
        var coverage = edited["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "members-coverage")!;
        coverage["indicator"]!["min"] = 0.1;
        var bad = JsonNode.Parse(edited.ToJsonString())!.AsObject();
        bad["passLine"] = 500;
        var refused = await Admin.PutAsJsonAsync("/api/rubrics/five-good", new { rubric = bad, note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = await refused.Content.ReadAsStringAsync();
        Assert.Contains("及格线", problems, StringComparison.Ordinal);
        Assert.Contains("修改的内容和依据", problems, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/rubrics/five-good", new { rubric = edited, note = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync("/api/rubrics/nope", new { rubric = edited, note = "x" })).StatusCode);
        Assert.Single((await Admin.GetFromJsonAsync<JsonElement>("/api/rubrics/five-good/versions")).EnumerateArray());

        var saved = await Admin.PutAsJsonAsync("/api/rubrics/five-good", new { rubric = edited, note = "依据本地实际，会员覆盖面调整为10%" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var versions = (await Admin.GetFromJsonAsync<JsonElement>("/api/rubrics/five-good/versions")).EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(("依据本地实际，会员覆盖面调整为10%", "admin@example.com"), (versions[0].GetProperty("note").GetString(), versions[0].GetProperty("createdBy").GetString()));
        // The old version is still there, as it was.
        Assert.Equal(0.3, (await Admin.GetFromJsonAsync<JsonElement>("/api/rubrics/five-good?version=1")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == "members-coverage").GetProperty("indicator").GetProperty("min").GetDouble());
        var after = await LaunchAsync(driver, ids, "复核演练（修订后）");

        Assert.Equal((1, 2), ((await driver.CampaignAsync(before)).GetProperty("rubricVersion").GetInt32(), (await driver.CampaignAsync(after)).GetProperty("rubricVersion").GetInt32()));
        // Each reviewer's task names the version its campaign scores by.
        await CampaignDriver.WaitAsync(async () => (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("total").GetInt32() == 2);
        Assert.Equal(["1", "2"], (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("task").GetProperty("context").GetProperty("rubricVersion").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(2, await driver.ScoreAllAsync("five-good", _ => 1m));

        // 20 % coverage: short of 30 % (version 1), past 10 % (version 2); no figure for the enterprises above designated size.
        await CampaignDriver.WaitAsync(async () => (await driver.ParticipantsAsync(after))["沙洋县工商联"].GetProperty("score").ValueKind == JsonValueKind.Number
            && (await driver.ParticipantsAsync(before))["沙洋县工商联"].GetProperty("score").ValueKind == JsonValueKind.Number);
        Assert.Equal(91, (await driver.ParticipantsAsync(before))["沙洋县工商联"].GetProperty("score").GetDouble());
        Assert.Equal(96, (await driver.ParticipantsAsync(after))["沙洋县工商联"].GetProperty("score").GetDouble());
    }

    private static async Task<string> LaunchAsync(CampaignDriver driver, IReadOnlyList<string> ids, string name)
    {
        var campaign = await driver.CreateAndLaunchAsync(new { name, year = 2026, templateId = "review-only", participantIds = ids });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(campaign)).GetProperty("status").GetString() == "Running");
        return campaign;
    }
}

public sealed class SqliteRubricVersionTests() : RubricVersionTests(StorageProvider.Sqlite);

public sealed class PostgresRubricVersionTests() : RubricVersionTests(StorageProvider.Postgres);
