using Chamber.Campaigns.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// Shanghai 2017 as the notice runs it, on two levels, through a whole year on the manual clock
/// with e-mail over a real SMTP server: the city's campaign goes to two district federations and a
/// chamber directly under the city; each district receives its own campaign for its chambers, which
/// its own staff (accounts of that district, who see nothing else) adjust — dates brought forward,
/// never put back — and launch; the districts check and score their chambers, one rectifies; each
/// district's results go up as a report, and its summary to the city carries them; the city reads
/// the whole tree, commends the chamber it reviewed itself, and closes.
/// </summary>
public abstract class CascadeYearTests(StorageProvider provider) : SmtpCampaignTestBase(provider, new SmtpServer())
{
    [Fact]
    public async Task Shanghai_2017_runs_through_the_districts_for_a_whole_year()
    {
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱,上级单位
            上海市工商联,市工商联,sh@fic.example,
            黄浦区工商联,县级工商联,hp@fic.example,上海市工商联
            静安区工商联,县级工商联,ja@fic.example,上海市工商联
            黄浦区甲商会,行业商会,jia@chamber.example,黄浦区工商联
            黄浦区乙商会,行业商会,yi@chamber.example,黄浦区工商联
            静安区丙商会,行业商会,bing@chamber.example,静安区工商联
            市直属丁商会,行业商会,ding@chamber.example,上海市工商联
            """);
        var (huangpu, jingan, jia, yi, bing, ding) = (ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]);
        var tokens = new Dictionary<string, string>();
        foreach (var (name, id) in new[] { ("黄浦", huangpu), ("静安", jingan), ("甲", jia), ("乙", yi), ("丙", bing), ("丁", ding) })
            tokens[name] = (await (await Admin.PostAsync($"/api/chambers/{id}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("link").GetString()!.Split("/portal/")[1];

        // The city's people, and each district's own.
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        await CreateUserAsync("leader@fic.example", "leader", "王主席");
        await CreateFederationUserAsync("hp-staff@fic.example", "staff", huangpu);
        await CreateFederationUserAsync("hp-reviewer@fic.example", "reviewer", huangpu);
        await CreateFederationUserAsync("ja-staff@fic.example", "staff", jingan);
        await CreateFederationUserAsync("ja-reviewer@fic.example", "reviewer", jingan);
        using var staff = await SignInAsync("staff@fic.example");
        using var reviewer = await SignInAsync("reviewer@fic.example");
        using var leader = await SignInAsync("leader@fic.example");
        using var hpStaff = await SignInAsync("hp-staff@fic.example");
        using var hpReviewer = await SignInAsync("hp-reviewer@fic.example");
        using var jaStaff = await SignInAsync("ja-staff@fic.example");
        using var jaReviewer = await SignInAsync("ja-reviewer@fic.example");
        using var portal = Host.CreateClient();
        var city = new CampaignDriver(Admin, staff, reviewer, portal);
        var hp = new CampaignDriver(Admin, hpStaff, hpReviewer, portal);
        var ja = new CampaignDriver(Admin, jaStaff, jaReviewer, portal);
        var me = await hpStaff.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(("黄浦区工商联", huangpu), (me.GetProperty("federationName").GetString(), me.GetProperty("federation").GetString()));

        // The city launches; the districts run their own part, the chamber under the city the chambers'.
        var campaignId = await city.CreateAndLaunchAsync(new
        {
            name = "2026年“四好”商会建设", year = 2026, templateId = "shanghai-2017-campaign", participantIds = new[] { huangpu, jingan, ding },
            leaders = new[] { "leader@fic.example" }, reviewers = new[] { "role:staff" },
            schedule = new Dictionary<string, string> { ["scorers"] = "role:reviewer" },
        });
        await CampaignDriver.WaitAsync(async () => (await city.CampaignAsync(campaignId)).GetProperty("status").GetString() == "Running");

        // Each district finds its own campaign, a draft over its chambers, and nothing of anyone else's.
        var hpCampaign = await OwnCampaignAsync(hpStaff);
        var jaCampaign = await OwnCampaignAsync(jaStaff);
        Assert.Equal(("Draft", 2), (hpCampaign.GetProperty("status").GetString(), hpCampaign.GetProperty("participantCount").GetInt32()));
        Assert.Equal("2026年“四好”商会建设（黄浦区工商联）", hpCampaign.GetProperty("name").GetString());
        var hpId = hpCampaign.GetProperty("id").GetString()!;
        var jaId = jaCampaign.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await hpStaff.GetAsync($"/api/campaigns/{campaignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hpStaff.GetAsync($"/api/campaigns/{jaId}/participants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hpStaff.GetAsync($"/api/chambers/{bing}")).StatusCode);
        Assert.Equal(["黄浦区乙商会", "黄浦区甲商会"], (await hpStaff.GetFromJsonAsync<JsonElement>("/api/chambers?pageSize=100")).GetProperty("items")
            .EnumerateArray().Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, (await staff.GetFromJsonAsync<JsonElement>("/api/campaigns")).GetArrayLength());
        // Its staff were told, with a link to it.
        string? opened = null;
        await CampaignDriver.WaitAsync(() => Task.FromResult((opened = Smtp.Messages.Select(Email.PickupMail.Readable)
            .FirstOrDefault(m => m.Contains("请确认参加单位和审核人员后启动", StringComparison.Ordinal) && m.Contains("hp-staff@fic.example", StringComparison.Ordinal))) is not null));
        Assert.Contains((await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=500")).GetProperty("items").EnumerateArray(),
            m => m.GetProperty("summary").GetString()!.StartsWith("hp-staff@fic.example · 【待启动】2026年“四好”商会建设（黄浦区工商联）", StringComparison.Ordinal));
        Assert.Contains($"/campaigns/{hpId}", opened, StringComparison.Ordinal);
        Assert.Contains("含名录中的所属单位 2 个", opened, StringComparison.Ordinal);
        var view = await hpStaff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{hpId}");
        Assert.Equal(("黄浦区工商联", campaignId), (view.GetProperty("federation").GetProperty("name").GetString(),
            view.GetProperty("federation").GetProperty("parentCampaignId").GetString()));

        // Its staff may bring a date forward, not put one back, and take no other district's chamber.
        var draft = await hpStaff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{hpId}/draft");
        Assert.Equal("2026-10-31<", draft.GetProperty("schedule").GetProperty("summaryDue").GetString());
        Assert.Equal(["hp-staff@fic.example"], draft.GetProperty("reviewers").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var later = await hpStaff.PutAsJsonAsync($"/api/campaigns/{hpId}", Redrafted(draft, "summaryDue", "2026-12-15<", [jia, yi]));
        Assert.Equal(HttpStatusCode.BadRequest, later.StatusCode);
        Assert.Contains("不能晚于上级活动的 2026-11-30", await later.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var foreign = await hpStaff.PutAsJsonAsync($"/api/campaigns/{hpId}", Redrafted(draft, "planDue", "2026-04-24<", [jia, yi, bing]));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("不是本单位所属的单位", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The city's step waits for this campaign's report: it keeps its template, and is launched, not dropped.
        var otherTemplate = await hpStaff.PutAsJsonAsync($"/api/campaigns/{hpId}", Redrafted(draft, "planDue", "2026-04-24<", [jia, yi], "four-good-campaign"));
        Assert.Equal(HttpStatusCode.BadRequest, otherTemplate.StatusCode);
        Assert.Contains("不能更换模板", await otherTemplate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await hpStaff.DeleteAsync($"/api/campaigns/{hpId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hpStaff.PutAsJsonAsync($"/api/campaigns/{hpId}", Redrafted(draft, "planDue", "2026-04-24<", [jia, yi]))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await hpStaff.PostAsync($"/api/campaigns/{hpId}/launch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await jaStaff.PostAsync($"/api/campaigns/{jaId}/launch", null)).StatusCode);
        await CampaignDriver.WaitAsync(async () => (await hpStaff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{hpId}")).GetProperty("status").GetString() == "Running"
            && (await jaStaff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{jaId}")).GetProperty("status").GetString() == "Running");

        // Plans on 20 April: each level checks its own.
        await city.AdvanceAsync("2026-04-20T02:00:00Z");
        foreach (var unit in new[] { "甲", "乙", "丙", "丁" })
            await city.SubmitAsync(tokens[unit], "贯彻落实意见（实施方案）");
        foreach (var district in new[] { "黄浦", "静安" })
            await city.SubmitAsync(tokens[district], "本区贯彻落实意见");
        await CampaignDriver.WaitAsync(async () => (await TaskKindsAsync(hpStaff)).Count == 2);
        // The district's checks are its staff's, the city's the city's: a role sees its own level's tasks only.
        Assert.Equal(3, (await TaskKindsAsync(staff)).Count);
        await hp.CheckAllAsync();
        await ja.CheckAllAsync();
        await city.CheckAllAsync();

        // The city's progress meetings, one for all its participants.
        await city.AdvanceAsync("2026-06-25T09:00:00Z");
        Assert.Equal(1, await city.RecordCampaignMeetingsAsync(campaignId));
        await city.AdvanceAsync("2026-09-24T09:00:00Z");
        Assert.Equal(1, await city.RecordCampaignMeetingsAsync(campaignId));

        // The chambers' summaries by the district's 31 October; the chamber under the city's by 30 November.
        await city.AdvanceAsync("2026-10-20T02:00:00Z");
        foreach (var unit in new[] { "甲", "乙", "丙", "丁" })
            await city.SubmitAsync(tokens[unit], "年度创建工作总结");
        await hp.CheckAllAsync();
        await ja.CheckAllAsync();
        await city.CheckAllAsync();

        // Each level scores its own: 乙 falls short and rectifies.
        await CampaignDriver.WaitAsync(async () => (await TaskKindsAsync(hpReviewer)).Count == 2);
        Assert.Empty(await TaskKindsAsync(jaReviewer, "黄浦"));
        Assert.Equal(2, await hp.ScoreAllAsync("four-good", name => name == "黄浦区乙商会" ? 0.5m : 1m));
        Assert.Equal(1, await ja.ScoreAllAsync("four-good", _ => 1m));
        Assert.Equal(1, await city.ScoreAllAsync("four-good", _ => 1m));

        // Every district chamber reviewed: the district's results go up, and its summary is asked for with them.
        string summaryText = "";
        await CampaignDriver.WaitAsync(async () => (summaryText = await ItemDescriptionAsync(portal, tokens["黄浦"], "本区“四好”商会建设总结")) != "");
        Assert.Contains("共 2 个，达标 1 个，限期整改 1 个，未达标 0 个", summaryText, StringComparison.Ordinal);
        var report = Assert.Single((await hpStaff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{hpId}/documents")).EnumerateArray());
        Assert.Equal("黄浦区工商联关于2026年度所属单位考核情况的报告.docx", report.GetProperty("fileName").GetString());
        var paragraphs = NoticeDocument.Paragraphs(await hpStaff.GetByteArrayAsync($"/api/submissions/files/{report.GetProperty("id").GetString()}"));
        Assert.Contains(paragraphs, p => p.Contains("达标 1 个，限期整改 1 个", StringComparison.Ordinal));
        Assert.Contains("黄浦区甲商会（91分）", paragraphs);
        // Another district's report is out of reach.
        Assert.Equal(HttpStatusCode.Forbidden, (await jaStaff.GetAsync($"/api/submissions/files/{report.GetProperty("id").GetString()}")).StatusCode);

        // The city reads the whole tree: its participants and, under each district, the district's own campaign.
        var tree = await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/tree");
        var shanghai = Assert.Single(tree.GetProperty("federations").EnumerateArray());
        Assert.Equal(("上海市工商联", 6, 3), (shanghai.GetProperty("name").GetString(), shanghai.GetProperty("participants").GetInt32(),
            shanghai.GetProperty("direct").GetInt32()));
        var districts = shanghai.GetProperty("children").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Equal((2, 1, hpId, "Running"), (districts["黄浦区工商联"].GetProperty("participants").GetInt32(), districts["黄浦区工商联"].GetProperty("rectifying").GetInt32(),
            districts["黄浦区工商联"].GetProperty("campaign").GetProperty("id").GetString(), districts["黄浦区工商联"].GetProperty("campaign").GetProperty("status").GetString()));
        // Its chambers are the district's campaign's: none is listed under it in the city's, whose row for the district leads there.
        Assert.Equal(0, districts["黄浦区工商联"].GetProperty("direct").GetInt32());
        Assert.Equal(hpId, (await city.ParticipantsAsync(campaignId))["黄浦区工商联"].GetProperty("ownCampaignId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/campaigns/{hpId}/participants")).StatusCode);

        // The districts' summaries reach the city by 30 November.
        await city.AdvanceAsync("2026-11-25T02:00:00Z");
        await city.SubmitAsync(tokens["黄浦"], "本区“四好”商会建设总结");
        await city.SubmitAsync(tokens["静安"], "本区“四好”商会建设总结");
        await city.CheckAllAsync();

        // 乙 rectifies, and its district passes it.
        await city.AdvanceAsync("2026-12-01T02:00:00Z");
        await city.SubmitAsync(tokens["乙"], "整改报告");
        await hp.CheckAllAsync();
        await CampaignDriver.WaitAsync(async () => (await TaskKindsAsync(hpReviewer)).Count == 1);
        Assert.Equal(1, await hp.ScoreAllAsync("four-good", _ => 1m));
        await CampaignDriver.WaitAsync(async () => (await hp.ParticipantsAsync(hpId))["黄浦区乙商会"].GetProperty("outcome").GetString() == "passed");

        // The city commends across the city: its list takes in the chambers the districts passed, each
        // with the district that reviewed it, beside the one it reviewed itself; the districts, which
        // were not scored, are not on it.
        JsonElement list = default;
        await CampaignDriver.WaitAsync(async () => (await staff.GetAsync($"/api/campaigns/{campaignId}/honours")) is { StatusCode: HttpStatusCode.OK } found
            && (list = await found.Content.ReadFromJsonAsync<JsonElement>()).ValueKind == JsonValueKind.Object);
        var entries = list.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("chamber").GetString()!);
        Assert.Equal("黄浦区工商联", entries["黄浦区甲商会"].GetProperty("reviewedBy").GetString());
        Assert.Equal("静安区工商联", entries["静安区丙商会"].GetProperty("reviewedBy").GetString());
        Assert.Equal(JsonValueKind.Null, entries["市直属丁商会"].GetProperty("reviewedBy").ValueKind);
        Assert.DoesNotContain(entries.Keys, name => name.EndsWith("工商联", StringComparison.Ordinal));
        Assert.All(entries.Values, e => Assert.True(e.GetProperty("included").GetBoolean()));
        // Its count of units is every level's: the 3 chambers under the districts and the 1 under the city (the
        // districts, whose parts carried their chambers' campaigns, are not counted twice over).
        Assert.Equal(4, list.GetProperty("participants").GetInt32());
        await CompleteOnlyTaskAsync(leader, "approve");
        await city.AdvanceAsync("2026-12-24T01:00:00Z");
        await CompleteOnlyTaskAsync(leader, "approve");
        var instance = Chamber.Campaigns.Lifecycle.CampaignService.CampaignInstanceId(campaignId);
        await CampaignDriver.WaitAsync(async () => (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}")).GetProperty("status").GetString() == "Finished");
        var outcomes = await city.ParticipantsAsync(campaignId);
        Assert.Equal("commended", outcomes["市直属丁商会"].GetProperty("outcome").GetString());
        // The district's chambers the decision names are commended in their district's campaign, and read the city's decision on their page.
        Assert.Equal("commended", (await hp.ParticipantsAsync(hpId))["黄浦区甲商会"].GetProperty("outcome").GetString());
        Assert.Equal("commended", (await ja.ParticipantsAsync(jaId))["静安区丙商会"].GetProperty("outcome").GetString());
        var jiaNotices = (await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens["甲"]}")).GetProperty("notices").EnumerateArray().ToList();
        var decision = Assert.Single(jiaNotices, n => n.GetProperty("kind").GetString() == "decision");
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync($"/api/portal/{tokens["甲"]}/notices/{decision.GetProperty("id").GetString()}")).StatusCode);
        Assert.All(new[] { "黄浦区工商联", "静安区工商联" }, d => Assert.Equal("报送本区总结", outcomes[d].GetProperty("reached").GetString()));

        // The district's chambers heard from their district, not from the city's department — but for
        // the city's decision, which every chamber of every level is sent as its portal shows it, and
        // the city's commendation, with the score the district gave.
        // (The letters are written by the participant mailer after the decision's commit, then sent: wait for the city's to arrive.)
        List<string> MailFromCityTo(string address) => [.. Smtp.Messages.Select(Email.PickupMail.Readable)
            .Where(m => m.Contains(address, StringComparison.Ordinal) && m.Contains("上海市工商业联合会会员部", StringComparison.Ordinal))];
        await CampaignDriver.WaitAsync(() => Task.FromResult(MailFromCityTo("jia@chamber.example").Count >= 2 && MailFromCityTo("bing@chamber.example").Count >= 2));
        Assert.Contains(Smtp.Messages.Select(Email.PickupMail.Readable), m => m.Contains("jia@chamber.example", StringComparison.Ordinal) && m.Contains("黄浦区工商联", StringComparison.Ordinal));
        var fromCity = MailFromCityTo("jia@chamber.example");
        Assert.Single(fromCity, m => m.Contains("贵会得分 91 分，达到标准，被评为“2026年度‘四好’商会”，特此通报表彰", StringComparison.Ordinal));
        Assert.Single(fromCity, m => m.Contains("，现予转发", StringComparison.Ordinal));
        Assert.Single(MailFromCityTo("bing@chamber.example"), m => m.Contains("，现予转发", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Federation_accounts_are_checked_and_import_only_under_their_federation()
    {
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱,上级单位
            上海市工商联,市工商联,sh@fic.example,
            黄浦区工商联,县级工商联,hp@fic.example,上海市工商联
            静安区工商联,县级工商联,ja@fic.example,上海市工商联
            静安区丙商会,行业商会,bing@chamber.example,静安区工商联
            """);
        var (huangpu, bing) = (ids[1], ids[3]);

        // An account belongs to a federation of the directory, and an administrator to none.
        var notFederation = await Admin.PostAsJsonAsync("/api/users", new { email = "x@fic.example", password = UserPassword, roles = new[] { "staff" }, federationId = bing });
        Assert.Equal(HttpStatusCode.BadRequest, notFederation.StatusCode);
        Assert.Contains("须为名录中的工商联", await notFederation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var admin = await Admin.PostAsJsonAsync("/api/users", new { email = "y@fic.example", password = UserPassword, roles = new[] { "admin" }, federationId = huangpu });
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
        await CreateFederationUserAsync("hp-staff@fic.example", "staff", huangpu);
        using var hpStaff = await SignInAsync("hp-staff@fic.example");

        // The district adds its own chambers; one of another district's is refused, and so is a parent outside it.
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("""
            名称,类型,邮箱,上级单位
            黄浦区新商会,行业商会,new@chamber.example,
            黄浦区分会,行业商会,sub@chamber.example,黄浦区新商会
            静安区丙商会,行业商会,bing@chamber.example,
            黄浦区越界商会,行业商会,out@chamber.example,静安区工商联
            """)), "file", "chambers.csv");
        var import = await hpStaff.PostAsync("/api/chambers/import", form);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var errors = result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Item1 == 4 && e.Item2.Contains("不属于本单位", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == 5 && e.Item2.Contains("须为本单位或其所属单位", StringComparison.Ordinal));
        var own = (await hpStaff.GetFromJsonAsync<JsonElement>("/api/chambers?pageSize=100")).GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("parentId").GetString());
        Assert.Equal(huangpu, own["黄浦区新商会"]);
        Assert.Equal(2, own.Count);

        // Its staff neither move a unit out of the district nor edit the district's own entry; the city's work is the city's.
        var moved = await hpStaff.PutAsJsonAsync($"/api/chambers/{huangpu}", new { name = "黄浦区工商联", email = "hp@fic.example", parentId = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hpStaff.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "four-good-chamber" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hpStaff.PostAsync($"/api/chambers/{bing}/portal-link", null)).StatusCode);

        // Only a federation has units to run a campaign for: a chamber's part that would open one faults, saying why.
        var city = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年分级", year = 2026, templateId = "shanghai-2017-campaign", participantIds = new[] { huangpu } });
        var cityId = (await city.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var campaigns = Host.Services.GetRequiredService<Chamber.Campaigns.Lifecycle.CampaignService>();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => campaigns.OpenForFederationAsync(cityId, bing, "shanghai-2017-district-campaign"));
        Assert.Contains("“静安区丙商会”不是工商联", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The draft as the wizard sends it back, with one date and the participants (and perhaps the template) changed.</summary>
    private static object Redrafted(JsonElement draft, string dateKey, string date, string[] participantIds, string? templateId = null)
    {
        var schedule = draft.GetProperty("schedule").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        schedule[dateKey] = date;
        return new
        {
            name = draft.GetProperty("name").GetString(), year = draft.GetProperty("year").GetInt32(), templateId = templateId ?? draft.GetProperty("templateId").GetString(),
            participantIds, reviewers = draft.GetProperty("reviewers"), leaders = draft.GetProperty("leaders"), schedule,
        };
    }

    /// <summary>The open tasks in the person's inbox (those about a chamber whose name contains <paramref name="about"/>, when given).</summary>
    private static async Task<List<JsonElement>> TaskKindsAsync(HttpClient person, string? about = null) =>
        [.. (await person.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=500")).GetProperty("items").EnumerateArray()
            .Where(t => about is null || (t.GetProperty("task").GetProperty("context").TryGetProperty("chamber", out var chamber)
                && chamber.GetString()!.Contains(about, StringComparison.Ordinal)))];

    /// <summary>The description of an open item on the portal page; empty while there is no such item.</summary>
    private static async Task<string> ItemDescriptionAsync(HttpClient portal, string token, string title) =>
        (await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("title").GetString() == title).Select(i => i.GetProperty("description").GetString() ?? "").FirstOrDefault() ?? "";

    private static async Task CompleteOnlyTaskAsync(HttpClient person, string action)
    {
        JsonElement[] tasks = [];
        await CampaignDriver.WaitAsync(async () => (tasks = [.. (await person.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()]).Length > 0);
        Assert.Equal(HttpStatusCode.OK, (await person.PostAsJsonAsync($"/api/tasks/{Assert.Single(tasks).GetProperty("id").GetString()}/complete", new { action })).StatusCode);
    }
}

public sealed class SqliteCascadeYearTests() : CascadeYearTests(StorageProvider.Sqlite);

public sealed class PostgresCascadeYearTests() : CascadeYearTests(StorageProvider.Postgres);
