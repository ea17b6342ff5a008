namespace Chamber.Host.Tests.Campaigns;

/// <summary>The city's view of a campaign by district: who owes what, who is late, how the review came out; each district opens its participants.</summary>
public abstract class CampaignDistrictTests(StorageProvider provider) : CampaignHostTestBase(provider)
{

    [Fact]
    public async Task Each_district_counts_its_participants_who_owe_and_who_are_late()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("leader@fic.example", "leader");
        using var staff = await SignInAsync("staff@fic.example");
        using var leader = await SignInAsync("leader@fic.example");
        using var portal = Host.CreateClient();
        var driver = new CampaignDriver(Admin, staff, staff, portal);
        var ids = await ImportChambersAsync("""
            名称,类型,所属区,邮箱
            五马街道商会,乡镇街道商会,鹿城区,wuma@chamber.example
            南汇街道商会,乡镇街道商会,鹿城区,nanhui@chamber.example
            永中街道商会,乡镇街道商会,龙湾区,yongzhong@chamber.example
            蒲州街道商会,乡镇街道商会,龙湾区,puzhou@chamber.example
            温州服装商会,行业商会,,fz@chamber.example
            """);
        var campaign = await driver.CreateAndLaunchAsync(new { name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(campaign)).GetProperty("status").GetString() == "Running");

        // 五马 hands in its plan in time; it now owes only its summary, due in November.
        await driver.SubmitAsync(await PortalTokenAsync(ids[0]), "贯彻落实意见（实施方案）");
        await driver.CheckAllAsync();
        await driver.AdvanceAsync("2026-05-06T02:00:00Z");

        // Leaders read it too.
        var districts = (await leader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/districts")).EnumerateArray()
            .Select(d => (d.GetProperty("district").ValueKind == JsonValueKind.Null ? null : d.GetProperty("district").GetString(),
                d.GetProperty("participants").GetInt32(), d.GetProperty("waiting").GetInt32(), d.GetProperty("overdue").GetInt32()))
            .ToList();
        Assert.Equal([("鹿城区", 2, 1, 1), ("龙湾区", 2, 0, 2), (null, 1, 0, 1)], districts);

        // Drilling down: the district's participants, the late one among them.
        var lucheng = (await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/participants?district={Uri.EscapeDataString("鹿城区")}&status=overdue"))
            .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("chamber").GetString());
        Assert.Equal(["南汇街道商会"], lucheng);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/campaigns/nope/districts")).StatusCode);
    }
}

public sealed class SqliteCampaignDistrictTests() : CampaignDistrictTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignDistrictTests() : CampaignDistrictTests(StorageProvider.Postgres);
