namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// The shipped templates other than Four-Good, run through: Five-Good county federations, whose
/// membership indicators are computed from the directory's figures, who are recognised (认定) by a
/// decision and hold the title until a re-check (复核) confirms or removes it; and the Wenzhou
/// standardisation year, whose documents, quarterly reports and work meetings run side by side
/// before the year-end inspection.
/// </summary>
public abstract class CampaignTemplateTests(StorageProvider provider) : CampaignHostTestBase(provider)
{
    private HttpClient _staff = null!;
    private HttpClient _reviewer = null!;
    private HttpClient _portal = null!;
    private CampaignDriver _driver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        await CreateUserAsync("leader@fic.example", "leader");
        _staff = await SignInAsync("staff@fic.example");
        _reviewer = await SignInAsync("reviewer@fic.example");
        _portal = Host.CreateClient();
        _driver = new CampaignDriver(Admin, _staff, _reviewer, _portal);
    }

    public override async Task DisposeAsync()
    {
        _staff.Dispose();
        _reviewer.Dispose();
        _portal.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Every_seed_has_a_template_naming_its_rubric_and_participant_workflow()
    {
        var templates = (await Admin.GetFromJsonAsync<JsonElement>("/api/campaign-templates")).EnumerateArray()
            .ToDictionary(t => t.GetProperty("id").GetString()!, t => (Rubric: t.GetProperty("rubric").GetString(), Child: t.GetProperty("participantWorkflow").GetString()));
        Assert.Equal(new Dictionary<string, (string?, string?)>
        {
            ["five-good-campaign"] = ("five-good", "five-good-county"),
            ["five-good-recheck"] = ("five-good", "five-good-recheck-county"),
            ["four-good-campaign"] = ("four-good", "four-good-chamber"),
            // Shanghai 2017 on its two levels: the city's (its districts run shanghai-2017-district), and a district's own.
            ["shanghai-2017-campaign"] = ("four-good", "four-good-chamber"),
            ["shanghai-2017-district-campaign"] = ("four-good", "four-good-chamber"),
            ["wenzhou-campaign"] = ("seven-haves", "wenzhou-chamber"),
        }, templates);
    }

    [Fact]
    public async Task Five_good_federations_are_scored_with_computed_indicators_recognised_by_a_decision_and_re_checked()
    {
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱,会员数,企业会员数,上年会员数,本地非公经济市场主体数
            东宝区工商联,县级工商联,db@fic.example,3000,2700,2800,9000
            掇刀区工商联,县级工商联,dd@fic.example,1000,500,990,10000
            """);
        var campaign = await _driver.CreateAndLaunchAsync(new
        {
            name = "2026年度“五好”县级工商联创建活动", year = 2026, templateId = "five-good-campaign", participantIds = ids,
            leaders = new[] { "leader@fic.example" },
            schedule = new Dictionary<string, string> { ["honourTiers"] = """[{"name":"示范单位","minScore":95,"count":1},{"name":"达标单位"}]""" },
        });
        await CampaignDriver.WaitAsync(async () => (await _driver.CampaignAsync(campaign)).GetProperty("status").GetString() == "Running");

        // The campaign speaks as its notice does: to county federations (贵单位), signed by the organiser.
        string? request = null;
        await CampaignDriver.WaitAsync(() => Task.FromResult((request = (Directory.Exists(Host.PickupDirectory) ? Directory.GetFiles(Host.PickupDirectory, "*.eml") : [])
            .Select(f => Email.PickupMail.Readable(File.ReadAllText(f))).FirstOrDefault(t => t.Contains("db@fic.example", StringComparison.Ordinal))) is not null));
        Assert.Contains("请贵单位于", request, StringComparison.Ordinal);
        Assert.Contains("荆门市工商业联合会", request, StringComparison.Ordinal);

        foreach (var id in ids)
            await _driver.SubmitAsync(await PortalTokenAsync(id), "创建“五好”县级工商联工作方案");
        await _driver.CheckAllAsync();
        // Each federation holds its own quarterly 推进会 (Liangping) and reports on it, beside its self-assessment.
        foreach (var report in new[] { "第二季度创建工作推进会情况", "第三季度创建工作推进会情况" })
        {
            foreach (var id in ids)
                await _driver.SubmitAsync(await PortalTokenAsync(id), report);
            await _driver.CheckAllAsync();
        }

        foreach (var id in ids)
            await _driver.SubmitAsync(await PortalTokenAsync(id), "创建工作自评报告及会员统计数据");
        await _driver.CheckAllAsync();

        // The reviewer opens what each federation handed in, from the scoring task itself.
        var reviews = (await _reviewer.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=500")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, reviews.Count);
        foreach (var review in reviews)
        {
            var files = (await _reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks/{review.GetProperty("id").GetString()}/files")).EnumerateArray().ToList();
            Assert.Equal(["创建“五好”县级工商联工作方案.pdf", "第二季度创建工作推进会情况.pdf", "第三季度创建工作推进会情况.pdf", "创建工作自评报告及会员统计数据.pdf"],
                files.Select(f => f.GetProperty("fileName").GetString()));
            var content = await _reviewer.GetByteArrayAsync($"/api/submissions/files/{files[^1].GetProperty("id").GetString()}");
            Assert.StartsWith("%PDF-1.4 ", Encoding.ASCII.GetString(content), StringComparison.Ordinal);
        }

        Assert.Equal(2, await _driver.ScoreAllAsync("five-good", _ => 1m));

        // Full marks on every item the reviewer scores (83); the indicators add 17 only where the figures meet the thresholds (none gives the enterprises above designated size).
        await CampaignDriver.WaitAsync(async () => (await _driver.ParticipantsAsync(campaign)).Values.All(p => p.GetProperty("outcome").ValueKind == JsonValueKind.String));
        var participants = await _driver.ParticipantsAsync(campaign);
        Assert.Equal((96, "passed"), (participants["东宝区工商联"].GetProperty("score").GetDouble(), participants["东宝区工商联"].GetProperty("outcome").GetString()));
        Assert.Equal((83, "passed"), (participants["掇刀区工商联"].GetProperty("score").GetDouble(), participants["掇刀区工商联"].GetProperty("outcome").GetString()));
        await CampaignDriver.WaitAsync(async () => (await _driver.MailAsync()).Any(m => m.Summary.Contains("【拟认定名单】", StringComparison.Ordinal)));

        using var leader = await SignInAsync("leader@fic.example");
        await TheLeadersRecogniseBothAsync(campaign, ids, leader);
        await AReCheckConfirmsOneTitleAndRemovesTheOtherAsync(ids);
        await StaffRemoveATitleByHandWithTheReasonAsync(ids[0], leader);
    }

    /// <summary>认定: the leader decides the list, the decision is on 公示 for five working days, then signed and published; each federation holds the title for three years.</summary>
    private async Task TheLeadersRecogniseBothAsync(string campaign, IReadOnlyList<string> ids, HttpClient leader)
    {
        var list = await _staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/honours");
        Assert.Equal(("recognition", 2), (list.GetProperty("kind").GetString(), list.GetProperty("included").GetInt32()));
        // The campaign's tiers: 96 reaches the model tier, 83 the next.
        Assert.Equal([("东宝区工商联", "示范单位"), ("掇刀区工商联", "达标单位")], list.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("chamber").GetString()!, e.GetProperty("tier").GetString()!)).ToArray());
        await ApproveAsync(leader, "拟认定名单");
        JsonElement notice = default;
        await CampaignDriver.WaitAsync(async () => (await _staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/notices")).EnumerateArray().ToList()
            is [var only] && (notice = only).GetProperty("status").GetString() == "publicity");
        Assert.Equal("关于认定市级“五好”县级工商联的决定", notice.GetProperty("title").GetString());
        await _driver.AdvanceAsync($"{DateOnly.Parse(notice.GetProperty("publicityUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(1):yyyy-MM-dd}T01:00:00Z");
        await ApproveAsync(leader, "认定决定");

        await CampaignDriver.WaitAsync(async () => (await _driver.MailAsync()).Count(m => m.Summary.Contains("【认定】", StringComparison.Ordinal)) == 2);
        string? letter = null;
        await CampaignDriver.WaitAsync(() => Task.FromResult((letter = Directory.GetFiles(Host.PickupDirectory, "*.eml").Select(f => Email.PickupMail.Readable(File.ReadAllText(f)))
            .SingleOrDefault(t => t.Contains("东宝区工商联：", StringComparison.Ordinal) && t.Contains("被认定为", StringComparison.Ordinal))) is not null));
        Assert.Contains("被认定为“市级‘五好’县级工商联”，有效期至2029年12月31日", letter, StringComparison.Ordinal);
        Assert.Equal("commended", (await _driver.ParticipantsAsync(campaign))["东宝区工商联"].GetProperty("outcome").GetString());
        var title = Assert.Single((await _staff.GetFromJsonAsync<JsonElement>($"/api/chambers/{ids[0]}/titles")).EnumerateArray());
        Assert.Equal(("市级“五好”县级工商联", "held", "2029-12-31"),
            (title.GetProperty("title").GetString(), title.GetProperty("status").GetString(), title.GetProperty("validUntil").GetString()));
        var granted = Assert.Single(title.GetProperty("history").EnumerateArray());
        Assert.Equal(("granted", "2026年度“五好”县级工商联创建活动"), (granted.GetProperty("action").GetString(), granted.GetProperty("campaign").GetString()));
    }

    /// <summary>复核: one federation scores full marks and keeps the title; the other falls below the pass line and loses it (摘牌), each told why.</summary>
    private async Task AReCheckConfirmsOneTitleAndRemovesTheOtherAsync(IReadOnlyList<string> ids)
    {
        // The re-check's participants are the title's holders, as the wizard offers them.
        var holders = Assert.Single((await _staff.GetFromJsonAsync<JsonElement>("/api/titles/holders")).EnumerateArray());
        Assert.Equal("市级“五好”县级工商联", holders.GetProperty("title").GetString());
        Assert.Equal(ids.Order(StringComparer.Ordinal), holders.GetProperty("chamberIds").EnumerateArray().Select(i => i.GetString()!));
        var recheck = await _driver.CreateAndLaunchAsync(new
        {
            name = "2026年市级“五好”县级工商联复核", year = 2026, templateId = "five-good-recheck", participantIds = ids, leaders = new[] { "leader@fic.example" },
        });
        await CampaignDriver.WaitAsync(async () => (await _driver.CampaignAsync(recheck)).GetProperty("status").GetString() == "Running");
        foreach (var id in ids)
            await _driver.SubmitAsync(await PortalTokenAsync(id), "复核自查报告及会员统计数据");
        await _driver.CheckAllAsync();
        Assert.Equal(2, await _driver.ScoreAllAsync("five-good", name => name == "东宝区工商联" ? 1m : 0.5m));

        await CampaignDriver.WaitAsync(async () => (await _driver.ParticipantsAsync(recheck)).Values.All(p => p.GetProperty("outcome").ValueKind == JsonValueKind.String));
        var outcomes = await _driver.ParticipantsAsync(recheck);
        Assert.Equal(("passed", "not-passed"), (outcomes["东宝区工商联"].GetProperty("outcome").GetString(), outcomes["掇刀区工商联"].GetProperty("outcome").GetString()));
        var kept = Assert.Single((await _staff.GetFromJsonAsync<JsonElement>($"/api/chambers/{ids[0]}/titles")).EnumerateArray());
        Assert.Equal(["granted", "confirmed"], kept.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        var removed = Assert.Single((await _staff.GetFromJsonAsync<JsonElement>($"/api/chambers/{ids[1]}/titles")).EnumerateArray());
        Assert.Equal(("removed", "复核得分 41.5 分，低于 80 分的认定标准"), (removed.GetProperty("status").GetString(), removed.GetProperty("removedReason").GetString()));
        Assert.Equal("2026年市级“五好”县级工商联复核", removed.GetProperty("history")[1].GetProperty("campaign").GetString());
        await CampaignDriver.WaitAsync(async () => (await _driver.MailAsync()) is var mail
            && mail.Any(m => m.Summary.StartsWith("dd@fic.example · 【撤销称号】", StringComparison.Ordinal))
            && mail.Any(m => m.Summary.StartsWith("db@fic.example · 【复核通过】", StringComparison.Ordinal)));
    }

    /// <summary>动态管理: staff remove a title by hand, with the reason; a leader may not, nor anyone without a reason.</summary>
    private async Task StaffRemoveATitleByHandWithTheReasonAsync(string chamberId, HttpClient leader)
    {
        var title = Assert.Single((await _staff.GetFromJsonAsync<JsonElement>($"/api/chambers/{chamberId}/titles")).EnumerateArray()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/chambers/{chamberId}/titles/{title}/remove", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _staff.PostAsJsonAsync($"/api/chambers/{chamberId}/titles/{title}/remove", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _staff.PostAsJsonAsync($"/api/chambers/{chamberId}/titles/nope/remove", new { reason = "x" })).StatusCode);
        var removed = await _staff.PostAsJsonAsync($"/api/chambers/{chamberId}/titles/{title}/remove", new { reason = "班子长期空缺，名存实亡" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var view = await removed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("removed", view.GetProperty("status").GetString());
        var last = view.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("removed", "班子长期空缺，名存实亡", "staff@fic.example"), (last.GetProperty("action").GetString(), last.GetProperty("reason").GetString(),
            last.GetProperty("by").GetString()));
        // Removed once: there is nothing more to remove.
        Assert.Equal(HttpStatusCode.NotFound, (await _staff.PostAsJsonAsync($"/api/chambers/{chamberId}/titles/{title}/remove", new { reason = "再次" })).StatusCode);
    }

    private static async Task ApproveAsync(HttpClient leader, string words)
    {
        string? id = null;
        await CampaignDriver.WaitAsync(async () => (id = (await leader.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("task").GetProperty("title").GetString()!.Contains(words, StringComparison.Ordinal))
            .Select(t => t.GetProperty("id").GetString()).SingleOrDefault()) is not null);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/tasks/{id}/complete", new { action = "approve" })).StatusCode);
    }

    [Fact]
    public async Task A_wenzhou_chamber_reports_every_quarter_to_one_work_meeting_for_all_then_is_inspected_against_the_seven_haves()
    {
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱
            温州台州商会,异地商会,tz@chamber.example
            """);
        var token = await PortalTokenAsync(ids[0]);
        var campaign = await _driver.CreateAndLaunchAsync(new
        {
            name = "2026年在温异地商会规范化建设年活动", year = 2026, templateId = "wenzhou-campaign", participantIds = ids,
            leaders = new[] { "leader@fic.example" },
        });
        await CampaignDriver.WaitAsync(async () => (await _driver.CampaignAsync(campaign)).GetProperty("status").GetString() == "Running");

        // Side by side: the self-check and the second quarter's report; the quarter's work meeting, held once for all, is invited to later.
        Assert.Equal(["检查对照及整改措施", "第二季度规范化建设工作进展"], (await _driver.OpenItemsAsync(token)).Order(StringComparer.Ordinal));
        var stages = (await _driver.CampaignAsync(campaign)).GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(["q2-report", "self-check"], stages);

        await _driver.SubmitAsync(token, "检查对照及整改措施");
        await _driver.SubmitAsync(token, "第二季度规范化建设工作进展");
        await _driver.CheckAllAsync();
        foreach (var (after, report) in new[] { ("2026-06-25T09:00:00Z", "第三季度规范化建设工作进展"), ("2026-09-24T09:00:00Z", "第四季度规范化建设工作进展") })
        {
            await _driver.AdvanceAsync(after);
            Assert.Equal(1, await _driver.RecordCampaignMeetingsAsync(campaign));
            await _driver.SubmitAsync(token, report);
            await _driver.CheckAllAsync();
        }

        await _driver.AdvanceAsync("2026-11-20T02:00:00Z");
        await _driver.SubmitAsync(token, "规范化建设年工作总结");
        await _driver.CheckAllAsync();
        Assert.Equal(1, await _driver.ScoreAllAsync("seven-haves", _ => 0.9m));

        // The list of honours waits for the fourth quarter's meeting, the year's last.
        await CampaignDriver.WaitAsync(async () => (await _driver.ParticipantsAsync(campaign)).Values.Single().GetProperty("outcome").ValueKind == JsonValueKind.String);
        Assert.DoesNotContain(await _driver.MailAsync(), m => m.Summary.Contains("【表彰名单】", StringComparison.Ordinal));
        await _driver.AdvanceAsync("2026-12-10T09:00:00Z");
        Assert.Equal(1, await _driver.RecordCampaignMeetingsAsync(campaign));
        await CampaignDriver.WaitAsync(async () => (await _driver.MailAsync()).Any(m => m.Summary.Contains("【表彰名单】", StringComparison.Ordinal)));
        var participant = Assert.Single((await _driver.ParticipantsAsync(campaign)).Values);
        // 7 × 9 + 4 × 6.8 (each item is rounded to a tenth of a point).
        Assert.Equal((90.2, "commended", "finished"),
            (participant.GetProperty("score").GetDouble(), participant.GetProperty("outcome").GetString(), participant.GetProperty("status").GetString()));
        var invitations = (await _driver.MailAsync()).Count(m => m.Summary.Contains("工作例会", StringComparison.Ordinal));
        Assert.Equal(3, invitations);
    }
}

public sealed class SqliteCampaignTemplateTests() : CampaignTemplateTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignTemplateTests() : CampaignTemplateTests(StorageProvider.Postgres);
