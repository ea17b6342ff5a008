namespace Chamber.Host.Tests.Campaigns;

/// <summary>A chamber that never hands anything in does not hold the campaign: on the closing date it is recorded as not passed, its part stops, and the honours go out.</summary>
public abstract class CampaignClosingTests(StorageProvider provider) : CampaignHostTestBase(provider)
{

    [Fact]
    public async Task On_the_closing_date_the_silent_chamber_is_not_passed_and_the_campaign_goes_on()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        await CreateUserAsync("leader@fic.example", "leader");
        using var staff = await SignInAsync("staff@fic.example");
        using var reviewer = await SignInAsync("reviewer@fic.example");
        using var portal = Host.CreateClient();
        var driver = new CampaignDriver(Admin, staff, reviewer, portal);
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱
            黄浦区温州商会,异地商会,hp@chamber.example
            静安区沉默商会,行业商会,silent@chamber.example
            """);
        var campaign = await driver.CreateAndLaunchAsync(new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids, leaders = new[] { "leader@fic.example" },
            schedule = new Dictionary<string, string> { ["closingDate"] = "2026-10-09<" },
        });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(campaign)).GetProperty("status").GetString() == "Running");
        var active = await PortalTokenAsync(ids[0]);
        var silent = await PortalTokenAsync(ids[1]);

        await driver.SubmitAsync(active, "贯彻落实意见（实施方案）");
        await driver.CheckAllAsync();
        await driver.SubmitAsync(active, "年度创建工作总结");
        await driver.CheckAllAsync();
        Assert.Equal(1, await driver.ScoreAllAsync("four-good", _ => 1m));
        await driver.AdvanceAsync("2026-06-25T09:00:00Z");
        Assert.Equal(1, await driver.RecordCampaignMeetingsAsync(campaign));
        await driver.AdvanceAsync("2026-09-24T09:00:00Z");
        Assert.Equal(1, await driver.RecordCampaignMeetingsAsync(campaign));
        // Everything else is done; the silent chamber alone holds the campaign until it closes.
        Assert.DoesNotContain(await driver.MailAsync(), m => m.Summary.Contains("【拟表彰名单】", StringComparison.Ordinal));

        await driver.AdvanceAsync("2026-10-09T16:01:00Z"); // 00:01 on 10 October, Beijing

        await CampaignDriver.WaitAsync(async () => (await driver.MailAsync()).Any(m => m.Summary.Contains("【拟表彰名单】", StringComparison.Ordinal)));
        var participants = await driver.ParticipantsAsync(campaign);
        Assert.Equal("passed", participants["黄浦区温州商会"].GetProperty("outcome").GetString());
        Assert.Equal("not-passed", participants["静安区沉默商会"].GetProperty("outcome").GetString());
        // Its part is stopped: nothing more is asked of it, nobody chases it.
        var instance = participants["静安区沉默商会"].GetProperty("instanceId").GetString();
        await CampaignDriver.WaitAsync(async () => (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}")).GetProperty("status").GetString() == "Cancelled");
        Assert.Empty(await driver.OpenItemsAsync(silent));
        var journal = await Admin.GetStringAsync($"/api/workflow-instances/{Chamber.Campaigns.Lifecycle.CampaignService.CampaignInstanceId(campaign)}/journal");
        Assert.Contains("活动截止：1 个参与单位未完成", System.Text.RegularExpressions.Regex.Unescape(journal), StringComparison.Ordinal);
    }
}

public sealed class SqliteCampaignClosingTests() : CampaignClosingTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignClosingTests() : CampaignClosingTests(StorageProvider.Postgres);
