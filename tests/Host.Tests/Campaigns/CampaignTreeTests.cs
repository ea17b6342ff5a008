namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// The directory's hierarchy (市 → 区县 → 街道) and the campaign read by it: an import names each
/// unit's 上级单位 (unknown parents and circles refused, row by row); staff move a unit under another
/// federation but never under itself; the city reads the campaign federation by federation and opens
/// the participants under one; a federation removed hands its units up.
/// </summary>
public abstract class CampaignTreeTests(StorageProvider provider) : CampaignHostTestBase(provider)
{
    [Fact]
    public async Task The_city_reads_the_campaign_by_its_federations_and_drills_down()
    {
        var import = await Admin.PostAsync("/api/chambers/import", Csv("""
            名称,类型,邮箱,上级单位
            黄浦区温州商会,异地商会,wz@chamber.example,黄浦区工商联
            黄浦区服装商会,行业商会,fz@chamber.example,黄浦区工商联
            静安区餐饮商会,行业商会,cy@chamber.example,静安区工商联
            上海市直属商会,行业商会,zs@chamber.example,上海市工商联
            无上级商会,行业商会,ws@chamber.example,
            黄浦区工商联,县级工商联,hp@fic.example,上海市工商联
            静安区工商联,县级工商联,ja@fic.example,上海市工商联
            上海市工商联,市工商联,sh@fic.example,
            迷路商会,行业商会,ml@chamber.example,不存在的工商联
            甲商会,行业商会,a@chamber.example,乙商会
            乙商会,行业商会,b@chamber.example,甲商会
            """));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.Content.ReadFromJsonAsync<JsonElement>();
        var errors = result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Item1 == 10 && e.Item2.Contains("“不存在的工商联”既不在名录中", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == 11 && e.Item2.Contains("成为自己的下级", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == 12 && e.Item2.Contains("成为自己的下级", StringComparison.Ordinal));
        Assert.Equal(8, result.GetProperty("created").GetInt32());

        var federations = (await Admin.GetFromJsonAsync<JsonElement>("/api/chambers/federations")).EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("id").GetString()!);
        Assert.Equal(["上海市工商联", "静安区工商联", "黄浦区工商联"], federations.Keys.Order(StringComparer.Ordinal).ToArray());
        var ids = (await Admin.GetFromJsonAsync<JsonElement>("/api/chambers?pageSize=100")).GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetString()!);

        // Never under itself or one of its own; a unit moves under another federation.
        var circle = await Admin.PutAsJsonAsync($"/api/chambers/{federations["上海市工商联"]}", Edit("上海市工商联", "sh@fic.example", federations["黄浦区工商联"]));
        Assert.Equal(HttpStatusCode.BadRequest, circle.StatusCode);
        Assert.Contains("不能是本单位或其下级", await circle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PutAsJsonAsync($"/api/chambers/{ids["无上级商会"]}", Edit("无上级商会", "ws@chamber.example", "nobody"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/chambers/{ids["上海市直属商会"]}",
            Edit("上海市直属商会", "zs@chamber.example", federations["静安区工商联"]))).StatusCode);

        await CreateUserAsync("reviewer@fic.example", "reviewer");
        await CreateUserAsync("staff@fic.example", "staff");
        using var reviewer = await SignInAsync("reviewer@fic.example");
        using var staff = await SignInAsync("staff@fic.example");
        var driver = new CampaignDriver(Admin, staff, reviewer, Host.CreateClient());
        await ImportReviewOnlyTemplateAsync("four-good");
        string[] participants = ["黄浦区温州商会", "黄浦区服装商会", "静安区餐饮商会", "上海市直属商会", "无上级商会"];
        var campaign = await driver.CreateAndLaunchAsync(new { name = "2026年“四好”商会（分级）", year = 2026, templateId = "review-only",
            participantIds = participants.Select(n => ids[n]) });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(campaign)).GetProperty("status").GetString() == "Running");
        await CampaignDriver.WaitAsync(async () => (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("total").GetInt32() == 5);
        Assert.Equal(5, await driver.ScoreAllAsync("four-good", name => name.StartsWith("黄浦", StringComparison.Ordinal) ? 1m : 0.5m));
        await CampaignDriver.WaitAsync(async () => (await driver.ParticipantsAsync(campaign)).Values.All(p => p.GetProperty("score").ValueKind == JsonValueKind.Number));

        var tree = await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/tree");
        Assert.Equal(1, tree.GetProperty("unplaced").GetInt32());
        var city = Assert.Single(tree.GetProperty("federations").EnumerateArray());
        Assert.Equal(("上海市工商联", 4, 0), (city.GetProperty("name").GetString(), city.GetProperty("participants").GetInt32(), city.GetProperty("direct").GetInt32()));
        // 91 for Huangpu's two, 45.5 for Jing'an's two.
        Assert.Equal(68.3, city.GetProperty("averageScore").GetDouble());
        var districts = city.GetProperty("children").EnumerateArray()
            .Select(d => (d.GetProperty("name").GetString(), d.GetProperty("direct").GetInt32(), d.GetProperty("averageScore").GetDouble())).ToList();
        Assert.Equal([("静安区工商联", 2, 45.5), ("黄浦区工商联", 2, 91d)], districts);

        // Drill-down: the participants directly under Huangpu.
        var under = (await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/participants?parent={federations["黄浦区工商联"]}")).GetProperty("items")
            .EnumerateArray().Select(p => p.GetProperty("chamber").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["黄浦区服装商会", "黄浦区温州商会"], under);

        // Jing'an's federation goes; its units stand under the city now.
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/chambers/{federations["静安区工商联"]}")).StatusCode);
        Assert.Equal(federations["上海市工商联"], (await Admin.GetFromJsonAsync<JsonElement>($"/api/chambers/{ids["静安区餐饮商会"]}")).GetProperty("parentId").GetString());
        var after = Assert.Single((await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/tree")).GetProperty("federations").EnumerateArray());
        Assert.Equal((4, 2), (after.GetProperty("participants").GetInt32(), after.GetProperty("direct").GetInt32()));
    }

    private static MultipartFormDataContent Csv(string text) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "directory.csv" } };

    private static object Edit(string name, string email, string parentId) => new { name, email, parentId };
}

public sealed class SqliteCampaignTreeTests() : CampaignTreeTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignTreeTests() : CampaignTreeTests(StorageProvider.Postgres);
