namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// The shipped templates other than Four-Good, run through: Five-Good county federations, whose
/// membership indicators are computed from the directory's figures, and the Wenzhou
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
            ["four-good-campaign"] = ("four-good", "four-good-chamber"),
            ["wenzhou-campaign"] = ("seven-haves", "wenzhou-chamber"),
        }, templates);
    }

    [Fact]
    public async Task Five_good_federations_are_scored_with_membership_indicators_computed_from_their_figures()
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

        // Full marks on every item the reviewer scores (84); the indicators add 16 only where the figures meet the thresholds.
        await CampaignDriver.WaitAsync(async () => (await _driver.ParticipantsAsync(campaign)).Values.All(p => p.GetProperty("outcome").ValueKind == JsonValueKind.String));
        var participants = await _driver.ParticipantsAsync(campaign);
        Assert.Equal((100, "commended"), (participants["东宝区工商联"].GetProperty("score").GetDouble(), participants["东宝区工商联"].GetProperty("outcome").GetString()));
        Assert.Equal((84, "commended"), (participants["掇刀区工商联"].GetProperty("score").GetDouble(), participants["掇刀区工商联"].GetProperty("outcome").GetString()));
        await CampaignDriver.WaitAsync(async () => (await _driver.MailAsync()).Any(m => m.Summary.Contains("【表彰名单】", StringComparison.Ordinal)));
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
