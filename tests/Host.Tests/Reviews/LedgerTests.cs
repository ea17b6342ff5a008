using Chamber.Host.Tests.Campaigns;

namespace Chamber.Host.Tests.Reviews;

/// <summary>
/// 台账: a chamber enters its figures for the year on its portal page, last year's beside them;
/// bad figures are refused with every problem and nothing kept; staff return them with the reason
/// or confirm them; the Four-Good review computes 001's 90 % and 30 % standards from the confirmed
/// figures of the campaign's year, and gives a chamber without them nothing for those standards.
/// </summary>
public abstract class LedgerTests(StorageProvider provider) : CampaignHostTestBase(provider)
{
    [Fact]
    public async Task A_chamber_enters_its_figures_staff_confirm_them_and_the_review_computes_from_them()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        await CreateUserAsync("leader@fic.example", "leader");
        using var staff = await SignInAsync("staff@fic.example");
        using var reviewer = await SignInAsync("reviewer@fic.example");
        using var leader = await SignInAsync("leader@fic.example");
        using var portal = Host.CreateClient();
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱
            黄浦区温州商会,异地商会,hp@chamber.example
            静安区服装商会,行业商会,ja@chamber.example
            """);
        var token = await PortalTokenAsync(ids[0]);

        var empty = await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{token}/ledger/2026");
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("status").ValueKind);
        Assert.Equal(["基本情况", "经济发展", "活动开展", "经费收支", "班子变化"], empty.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToArray());

        // Every problem at once; nothing is kept.
        var refused = await portal.PutAsJsonAsync($"/api/portal/{token}/ledger/2026", new
        {
            figures = new Dictionary<string, decimal?> { ["memberCount"] = 100.5m, ["enterpriseMemberCount"] = -1, ["office"] = 3, ["income"] = 10, ["membershipFees"] = 20 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = await refused.Content.ReadAsStringAsync();
        Assert.Contains("“会员总数”应为整数", problems, StringComparison.Ordinal);
        Assert.Contains("“企业会员数”应在 0 到 10 亿之间", problems, StringComparison.Ordinal);
        Assert.Contains("台账中没有“office”这一项", problems, StringComparison.Ordinal);
        Assert.Contains("“其中会费收入”不能大于“全年收入”", problems, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.PutAsJsonAsync($"/api/portal/{token}/ledger/2027", new { figures = new { memberCount = 1 } })).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{token}/ledger/2026")).GetProperty("status").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync("/api/portal/forged-token/ledger/2026")).StatusCode);

        // Last year's, then this year's with last year's beside it.
        await SubmitAsync(portal, token, 2025, new() { ["memberCount"] = 900, ["membersInDatabase"] = 700 });
        var entered = await SubmitAsync(portal, token, 2026, new() { ["memberCount"] = 1000, ["enterpriseMemberCount"] = 900, ["membersInDatabase"] = 950, ["newEconomyMemberCount"] = 320 });
        Assert.Equal("submitted", entered.GetProperty("status").GetString());
        var members = entered.GetProperty("sections")[0].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "memberCount");
        Assert.Equal((1000m, 900m), (members.GetProperty("value").GetDecimal(), members.GetProperty("previous").GetDecimal()));

        // Staff return it with the reason (a leader may not), the chamber corrects it, staff confirm it.
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/chambers/{ids[0]}/ledgers/2026/review", new { confirm = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/chambers/{ids[0]}/ledgers/2026/review", new { confirm = false, reason = " " })).StatusCode);
        var returned = await staff.PostAsJsonAsync($"/api/chambers/{ids[0]}/ledgers/2026/review", new { confirm = false, reason = "入库会员数与数据库导出不符" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var forChamber = await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{token}/ledger/2026");
        Assert.Equal(("returned", "入库会员数与数据库导出不符"), (forChamber.GetProperty("status").GetString(), forChamber.GetProperty("returnedReason").GetString()));
        await SubmitAsync(portal, token, 2026, new() { ["memberCount"] = 1000, ["enterpriseMemberCount"] = 900, ["membersInDatabase"] = 940, ["newEconomyMemberCount"] = 320 });
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/chambers/{ids[1]}/ledgers/2026/review", new { confirm = true })).StatusCode);
        foreach (var year in new[] { 2025, 2026 })
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/chambers/{ids[0]}/ledgers/{year}/review", new { confirm = true })).StatusCode);
        var years = (await staff.GetFromJsonAsync<JsonElement>($"/api/chambers/{ids[0]}/ledgers")).EnumerateArray().ToList();
        Assert.Equal([(2026, "confirmed"), (2025, "confirmed")], years.Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("status").GetString()!)));
        Assert.Equal("staff@fic.example", years[0].GetProperty("reviewedBy").GetString());
        // The same figures again stay confirmed.
        Assert.Equal("confirmed", (await SubmitAsync(portal, token, 2026, new() { ["memberCount"] = 1000, ["enterpriseMemberCount"] = 900, ["membersInDatabase"] = 940,
            ["newEconomyMemberCount"] = 320 })).GetProperty("status").GetString());

        // The review: 940/1000 in the database (≥ 90 %) and 320/1000 new-economy members (≥ 30 %) count; the other chamber has no figures.
        await ImportReviewOnlyTemplateAsync("four-good");
        var driver = new CampaignDriver(Admin, staff, reviewer, portal);
        var campaign = await driver.CreateAndLaunchAsync(new { name = "2026年台账演练", year = 2026, templateId = "review-only", participantIds = ids });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(campaign)).GetProperty("status").GetString() == "Running");
        await CampaignDriver.WaitAsync(async () => (await reviewer.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("total").GetInt32() == 2);
        Assert.Equal(2, await driver.ScoreAllAsync("four-good", _ => 1m));
        await CampaignDriver.WaitAsync(async () => (await driver.ParticipantsAsync(campaign)).Values.All(p => p.GetProperty("score").ValueKind == JsonValueKind.Number));
        var scores = await driver.ParticipantsAsync(campaign);
        Assert.Equal((100, 91), (scores["黄浦区温州商会"].GetProperty("score").GetDouble(), scores["静安区服装商会"].GetProperty("score").GetDouble()));

        // After the change, the year waits for staff again.
        Assert.Equal("submitted", (await SubmitAsync(portal, token, 2026, new() { ["memberCount"] = 1001 })).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient portal, string token, int year, Dictionary<string, decimal?> figures)
    {
        var response = await portal.PutAsJsonAsync($"/api/portal/{token}/ledger/{year}", new { figures });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SqliteLedgerTests() : LedgerTests(StorageProvider.Sqlite);

public sealed class PostgresLedgerTests() : LedgerTests(StorageProvider.Postgres);
