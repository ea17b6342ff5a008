namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// A launched campaign called off (中止): refused without a reason and where it is not the caller's
/// to stop; stopped, it cancels every workflow it runs, the district campaign opened under it stops
/// with it, and every unit still expected to act is told why, over a real SMTP server, and sees
/// why on its portal.
/// </summary>
public abstract class CampaignStopTests(StorageProvider provider) : SmtpCampaignTestBase(provider, new SmtpServer())
{
    private const string Reason = "市委统一部署调整，本年度活动暂停";

    [Fact]
    public async Task A_stopped_city_campaign_stops_the_district_campaign_under_it_and_every_unit_is_told_why()
    {
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱,上级单位
            上海市工商联,市工商联,sh@fic.example,
            黄浦区工商联,县级工商联,hp@fic.example,上海市工商联
            黄浦区甲商会,行业商会,jia@chamber.example,黄浦区工商联
            市直属丁商会,行业商会,ding@chamber.example,上海市工商联
            """);
        var (huangpu, jia, ding) = (ids[1], ids[2], ids[3]);
        await CreateUserAsync("staff@fic.example", "staff", "李干事");
        await CreateUserAsync("leader@fic.example", "leader");
        await CreateFederationUserAsync("hp-staff@fic.example", "staff", huangpu);
        using var staff = await SignInAsync("staff@fic.example");
        using var hpStaff = await SignInAsync("hp-staff@fic.example");
        using var portal = Host.CreateClient();
        var city = new CampaignDriver(Admin, staff, staff, portal);
        var campaignId = await city.CreateAndLaunchAsync(new
        {
            name = "2026年“四好”商会建设", year = 2026, templateId = "shanghai-2017-campaign", participantIds = new[] { huangpu, ding },
            leaders = new[] { "leader@fic.example" }, reviewers = new[] { "role:staff" },
        });
        await CampaignDriver.WaitAsync(async () => (await city.CampaignAsync(campaignId)).GetProperty("status").GetString() == "Running");
        var hpId = (await OwnCampaignAsync(hpStaff)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await hpStaff.PostAsync($"/api/campaigns/{hpId}/launch", null)).StatusCode);
        await CampaignDriver.WaitAsync(async () => (await city.CampaignAsync(hpId)).GetProperty("status").GetString() == "Running");
        var (dingToken, jiaToken) = (await PortalTokenAsync(ding), await PortalTokenAsync(jia));
        await CampaignDriver.WaitAsync(async () => (await city.OpenItemsAsync(dingToken)).Count > 0 && (await city.OpenItemsAsync(jiaToken)).Count > 0);

        // Without a reason, at too great a length, by a district for the city, or by the district for its part: refused, nothing changes.
        var noReason = await staff.PostAsJsonAsync($"/api/campaigns/{campaignId}/stop", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请写明中止活动的原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/campaigns/{campaignId}/stop", new { reason = new string('停', 501) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hpStaff.PostAsJsonAsync($"/api/campaigns/{campaignId}/stop", new { reason = Reason })).StatusCode);
        var ownPart = await hpStaff.PostAsJsonAsync($"/api/campaigns/{hpId}/stop", new { reason = Reason });
        Assert.Equal(HttpStatusCode.Conflict, ownPart.StatusCode);
        Assert.Contains("随上级活动中止", await ownPart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Running", (await city.CampaignAsync(campaignId)).GetProperty("status").GetString());
        Assert.Equal("Running", (await city.CampaignAsync(hpId)).GetProperty("status").GetString());

        var stopped = await staff.PostAsJsonAsync($"/api/campaigns/{campaignId}/stop", new { reason = Reason });

        Assert.Equal(HttpStatusCode.Accepted, stopped.StatusCode);
        var view = await stopped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Stopped", Reason, "李干事"), (view.GetProperty("status").GetString(), view.GetProperty("stop").GetProperty("reason").GetString(),
            view.GetProperty("stop").GetProperty("by").GetString()));
        Assert.Contains((await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/timeline")).EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "stopped" && e.GetProperty("person").GetString() == "李干事");
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/campaigns/{campaignId}/stop", new { reason = Reason })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/campaigns/{campaignId}/chase", new { status = "pending" })).StatusCode);

        // The district's campaign stops with it, naming why; every workflow of both ends.
        await CampaignDriver.WaitAsync(async () => await StopDoneAsync(city, campaignId) && await StopDoneAsync(city, hpId));
        var district = await hpStaff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{hpId}");
        Assert.Equal("Stopped", district.GetProperty("status").GetString());
        Assert.Equal($"上级活动“2026年“四好”商会建设”已中止：{Reason}", district.GetProperty("stop").GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, district.GetProperty("stop").GetProperty("by").ValueKind);
        var instances = new[] { Chamber.Campaigns.Lifecycle.CampaignService.CampaignInstanceId(campaignId), Chamber.Campaigns.Lifecycle.CampaignService.CampaignInstanceId(hpId) }
            .Concat((await city.ParticipantsAsync(campaignId)).Values.Concat((await city.ParticipantsAsync(hpId)).Values).Select(p => p.GetProperty("instanceId").GetString()!))
            .ToList();
        Assert.Equal(5, instances.Count);
        Assert.All((await city.ParticipantsAsync(campaignId)).Values.Concat((await city.ParticipantsAsync(hpId)).Values),
            p => Assert.Equal("stopped", p.GetProperty("status").GetString()));
        foreach (var instance in instances)
            Assert.Equal("Cancelled", (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}")).GetProperty("status").GetString());
        Assert.All(await staff.GetFromJsonAsync<JsonElement[]>("/api/campaigns") ?? [], c => Assert.Equal("Stopped", c.GetProperty("status").GetString()));

        // Nothing is asked of the units any more, and their portal says why.
        Assert.Empty(await city.OpenItemsAsync(dingToken));
        Assert.Empty(await city.OpenItemsAsync(jiaToken));
        var dingPortal = await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{dingToken}");
        var shown = Assert.Single(dingPortal.GetProperty("stopped").EnumerateArray());
        Assert.Equal(("2026年“四好”商会建设", Reason), (shown.GetProperty("campaign").GetString(), shown.GetProperty("reason").GetString()));

        // Each unit still expected to act is told, by the level that asked it: the district's chamber by the district.
        string? Letter(string to) => Smtp.Messages.Select(Email.PickupMail.Readable)
            .FirstOrDefault(m => m.Contains(to, StringComparison.Ordinal) && m.Contains("自2026年4月1日起中止", StringComparison.Ordinal));
        await CampaignDriver.WaitAsync(() => Task.FromResult(Letter("ding@chamber.example") is not null && Letter("hp@fic.example") is not null
            && Letter("jia@chamber.example") is not null));
        Assert.Contains($"原因：{Reason}", Letter("ding@chamber.example"), StringComparison.Ordinal);
        Assert.Contains("黄浦区工商联", Letter("jia@chamber.example"), StringComparison.Ordinal);
        Assert.Contains("上级活动“2026年“四好”商会建设”已中止", Letter("jia@chamber.example"), StringComparison.Ordinal);
        Assert.DoesNotContain(Smtp.Messages.Select(Email.PickupMail.Readable), m => m.Contains("sh@fic.example", StringComparison.Ordinal) && m.Contains("中止", StringComparison.Ordinal));

        // Half a year on, the portal no longer explains it.
        await city.AdvanceAsync("2026-10-01T02:00:00Z");
        Assert.Empty((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{dingToken}")).GetProperty("stopped").EnumerateArray());
    }

    [Fact]
    public async Task A_district_campaign_never_launched_is_stopped_when_the_city_closes_without_it()
    {
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱,上级单位
            上海市工商联,市工商联,sh@fic.example,
            黄浦区工商联,县级工商联,hp@fic.example,上海市工商联
            黄浦区甲商会,行业商会,jia@chamber.example,黄浦区工商联
            """);
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateFederationUserAsync("hp-staff@fic.example", "staff", ids[1]);
        using var staff = await SignInAsync("staff@fic.example");
        using var hpStaff = await SignInAsync("hp-staff@fic.example");
        using var portal = Host.CreateClient();
        var city = new CampaignDriver(Admin, staff, staff, portal);
        var campaignId = await city.CreateAndLaunchAsync(new
        {
            name = "2026年“四好”商会建设", year = 2026, templateId = "shanghai-2017-campaign", participantIds = new[] { ids[1] }, reviewers = new[] { "role:staff" },
            schedule = new Dictionary<string, string> { ["closingDate"] = "2026-06-30<" },
        });
        var hpId = (await OwnCampaignAsync(hpStaff)).GetProperty("id").GetString()!;

        await city.AdvanceAsync("2026-06-30T16:01:00Z"); // 00:01 on 1 July, Beijing: the district sent nothing and never launched its own

        await CampaignDriver.WaitAsync(async () => (await hpStaff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{hpId}")).GetProperty("status").GetString() == "Stopped");
        var district = await hpStaff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{hpId}");
        Assert.Equal("本单位在上级活动“2026年“四好”商会建设”中的流程已终止（上级活动已截止或已将其终止）", district.GetProperty("stop").GetProperty("reason").GetString());
        Assert.False(district.GetProperty("stop").GetProperty("pending").GetBoolean()); // a draft runs nothing to cancel
        // Nobody is left to launch it: its staff cannot, and the city goes on without it.
        var launch = await hpStaff.PostAsync($"/api/campaigns/{hpId}/launch", null);
        Assert.Equal(HttpStatusCode.Conflict, launch.StatusCode);
        Assert.Contains("活动已中止，不能再启动", await launch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Running", (await city.CampaignAsync(campaignId)).GetProperty("status").GetString());
        Assert.Equal("not-passed", (await city.ParticipantsAsync(campaignId))["黄浦区工商联"].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_draft_is_deleted_not_stopped()
    {
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱
            黄浦区温州商会,异地商会,hp@chamber.example
            """);
        await CreateUserAsync("staff@fic.example", "staff");
        using var staff = await SignInAsync("staff@fic.example");
        var created = await staff.PostAsJsonAsync("/api/campaigns", new { name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var stop = await staff.PostAsJsonAsync($"/api/campaigns/{id}/stop", new { reason = Reason });

        Assert.Equal(HttpStatusCode.Conflict, stop.StatusCode);
        Assert.Contains("可直接删除", await stop.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Draft", (await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync("/api/campaigns/no-such-campaign/stop", new { reason = Reason })).StatusCode);
    }

    private static async Task<bool> StopDoneAsync(CampaignDriver driver, string campaignId) =>
        (await driver.CampaignAsync(campaignId)) is var view && view.GetProperty("status").GetString() == "Stopped"
            && !view.GetProperty("stop").GetProperty("pending").GetBoolean();
}

public sealed class SqliteCampaignStopTests() : CampaignStopTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignStopTests() : CampaignStopTests(StorageProvider.Postgres);
