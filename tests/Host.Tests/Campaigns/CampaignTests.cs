using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Campaigns;

/// <summary>A Four-Good campaign from the shipped template: created, launched in the background, and watched participant by participant.</summary>
public abstract class CampaignTests(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-04-01T01:00:00Z",
        ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportChambersAsync("""
            名称,所属区,邮箱
            鹿城区五马街道商会,鹿城区,wuma@chamber.example
            温州市服装商会,鹿城区,fz@chamber.example
            龙湾区永中街道商会,龙湾区,yz@chamber.example
            """);
    }

    private async Task<List<string>> ChamberIdsAsync() =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>("/api/chambers")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_campaign_launches_one_workflow_per_chamber_and_shows_who_is_pending_overdue_or_submitted()
    {
        var template = Assert.Single((await Admin.GetFromJsonAsync<JsonElement>("/api/campaign-templates")).EnumerateArray(),
            t => t.GetProperty("id").GetString() == "four-good-campaign");
        Assert.Equal("four-good", template.GetProperty("rubric").GetString());

        var chambers = await ChamberIdsAsync();
        await CreateUserAsync("leader1@fic.example", "leader");
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = chambers,
            leaders = new[] { "leader1@fic.example" }, reviewers = new[] { "role:staff" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement view;
        while ((view = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("status").GetString() != "Running")
        {
            Assert.True(DateTime.UtcNow < deadline, "The campaign was not launched within 30 s.");
            await Task.Delay(200);
        }

        Assert.Equal(3, view.GetProperty("launched").GetInt32());
        var stage = Assert.Single(view.GetProperty("stages").EnumerateArray());
        Assert.Equal(("报送实施方案", 3, 0, 0), (stage.GetProperty("stage").GetString(), stage.GetProperty("pending").GetInt32(),
            stage.GetProperty("overdue").GetInt32(), stage.GetProperty("submitted").GetInt32()));
        // The stage's deadline is read from the tasks, counted in the database: end of 30 April, Beijing time.
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 15, 59, 59, TimeSpan.Zero), stage.GetProperty("dueAt").GetDateTimeOffset());
        var participants = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/participants")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(participants, p => Assert.Equal("pending", p.GetProperty("status").GetString()));
        // Instances are started in chamber order and their ids ascend in it, so their indexes grow at the end.
        var instanceIds = participants.OrderBy(p => p.GetProperty("chamberId").GetString(), StringComparer.Ordinal)
            .Select(p => p.GetProperty("instanceId").GetString()!).ToList();
        Assert.Equal(instanceIds.Order(StringComparer.Ordinal), instanceIds);
        Assert.All(participants, p => Assert.Equal(new DateTimeOffset(2026, 4, 30, 15, 59, 59, TimeSpan.Zero), p.GetProperty("dueAt").GetDateTimeOffset()));
        Assert.Equal(3, (await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email")).GetProperty("total").GetInt32());

        // One chamber hands in its plan; after the deadline the other two are overdue.
        var token = (await (await Admin.PostAsync($"/api/chambers/{chambers[0]}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("link").GetString()!.Split("/portal/")[1];
        using var chamber = Host.CreateClient();
        var itemId = (await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items")[0].GetProperty("id").GetString();
        using var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 plan")), "files", "实施方案.pdf");
        Assert.Equal(HttpStatusCode.OK, (await chamber.PostAsync($"/api/portal/{token}/items/{itemId}/submit", upload)).StatusCode);

        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = "2026-05-08T02:00:00Z" });
        view = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        stage = Assert.Single(view.GetProperty("stages").EnumerateArray());
        Assert.Equal((2, 2, 1), (stage.GetProperty("pending").GetInt32(), stage.GetProperty("overdue").GetInt32(), stage.GetProperty("submitted").GetInt32()));
        var statuses = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/participants")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("chamberId").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("submitted", statuses[chambers[0]]);
        Assert.Equal(["overdue", "overdue"], chambers.Skip(1).Select(c => statuses[c]));

        // The same list as an Excel workbook, read back with the importer's own reader.
        var export = await Admin.GetAsync($"/api/campaigns/{id}/export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = Chamber.Campaigns.Chambers.TabularFile.Read(await export.Content.ReadAsByteArrayAsync(), "export.xlsx");
        Assert.Equal("商会", rows[0].Cells[0]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Cells[2] == "已逾期"));
        var submitted = Assert.Single(rows, r => r.Cells[2] == "待审核");
        Assert.Equal(("报送实施方案", "2026-04-30"), (submitted.Cells[3], submitted.Cells[4]));
        // In English when the link asks for it (a download cannot send the reader's language as a header).
        var english = Chamber.Campaigns.Chambers.TabularFile.Read(await Admin.GetByteArrayAsync($"/api/campaigns/{id}/export?lang=en"), "export.xlsx");
        Assert.Equal(("Chamber", "Stage"), (english[0].Cells[0], english[0].Cells[3]));
        Assert.Equal("Implementation plan", english.Single(r => r.Cells[2] == "submitted").Cells[3]);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/campaigns/nope/export")).StatusCode);
    }

    [Fact]
    public async Task Staff_filter_participants_on_the_server_and_chase_the_overdue_at_most_once_a_day()
    {
        var chambers = await ChamberIdsAsync();
        var wuma = (await Admin.GetFromJsonAsync<JsonElement>("/api/chambers?search=五马")).GetProperty("items")[0].GetProperty("id").GetString()!;
        using var portal = Host.CreateClient();
        var driver = new CampaignDriver(Admin, Admin, Admin, portal);
        var id = await driver.CreateAndLaunchAsync(new { name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = chambers });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(id)).GetProperty("status").GetString() == "Running");
        var link = (await (await Admin.PostAsync($"/api/chambers/{wuma}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        await driver.SubmitAsync(link.Split("/portal/")[1], "贯彻落实意见（实施方案）");
        await driver.AdvanceAsync("2026-05-08T02:00:00Z");

        async Task<List<string>> ListAsync(string query) =>
            [.. (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/participants?{query}")).GetProperty("items").EnumerateArray()
                .Select(p => p.GetProperty("chamber").GetString()!).Order(StringComparer.Ordinal)];
        Assert.Equal(["温州市服装商会", "龙湾区永中街道商会"], await ListAsync("status=overdue"));
        Assert.Equal(["鹿城区五马街道商会"], await ListAsync("status=submitted"));
        Assert.Empty(await ListAsync("status=pending"));
        Assert.Equal(["温州市服装商会"], await ListAsync("status=overdue&district=鹿城区"));
        Assert.Equal(["温州市服装商会"], await ListAsync("search=服装"));
        Assert.Equal(3, (await ListAsync("outcome=none")).Count);
        Assert.Empty(await ListAsync("outcome=commended"));
        var unknown = await Admin.GetAsync($"/api/campaigns/{id}/participants?status=late");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("overdue", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var overdueOnly = Chamber.Campaigns.Chambers.TabularFile.Read(
            await Admin.GetByteArrayAsync($"/api/campaigns/{id}/export?status=overdue"), "export.xlsx");
        Assert.Equal(3, overdueOnly.Count); // the header and the two overdue chambers

        // 催办: every overdue chamber gets one e-mail with staff's note (escaped in the HTML part); asking again the same day sends nothing.
        async Task<JsonElement> ChaseAsync(HttpClient user, object request, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await user.PostAsJsonAsync($"/api/campaigns/{id}/chase", request);
            Assert.Equal(expected, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        static (int, int, int) Counts(JsonElement result) =>
            (result.GetProperty("chased").GetInt32(), result.GetProperty("alreadyChasedToday").GetInt32(), result.GetProperty("nothingToSubmit").GetInt32());
        var before = (await driver.MailAsync()).Count;
        async Task<int> ManualChasesAsync() =>
            (await driver.MailAsync()).Count(m => m.Summary.Contains("· 【催报】“贯彻落实意见（实施方案）”", StringComparison.Ordinal));
        Assert.Equal((2, 0, 0), Counts(await ChaseAsync(Admin, new { status = "overdue", note = "<b>请于本周内提交</b>" })));
        Assert.Equal((0, 2, 0), Counts(await ChaseAsync(Admin, new { status = "overdue" })));
        Assert.Equal((0, 0, 1), Counts(await ChaseAsync(Admin, new { chamberIds = new[] { wuma } })));
        Assert.Equal(before + 2, (await driver.MailAsync()).Count);
        Assert.Equal(2, await ManualChasesAsync());
        await using (var db = await Host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            var chases = db.Outbox.AsEnumerable().Where(m => m.IdempotencyKey.Contains("/submission-chase/", StringComparison.Ordinal))
                .Select(m => Chamber.Campaigns.Email.EmailMessage.FromJson(m.Payload)).ToList();
            Assert.Equal(["fz@chamber.example", "yz@chamber.example"], chases.SelectMany(m => m.To).Order(StringComparer.Ordinal));
            Assert.All(chases, m => Assert.Contains("&lt;b&gt;请于本周内提交&lt;/b&gt;", m.Html, StringComparison.Ordinal));
            Assert.All(chases, m => Assert.Contains("会员部留言：<b>请于本周内提交</b>", m.Text, StringComparison.Ordinal));
            Assert.All(chases, m => Assert.Contains("/portal/", m.Text, StringComparison.Ordinal));
        }

        // The next day they may be chased again; bad requests and leaders are refused, and change nothing.
        await driver.AdvanceAsync("2026-05-09T02:00:00Z");
        Assert.Equal((2, 0, 1), Counts(await ChaseAsync(Admin, new { chamberIds = chambers })));
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync($"/api/campaigns/{id}/chase", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync($"/api/campaigns/{id}/chase", new { status = "submitted" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync($"/api/campaigns/{id}/chase", new { status = "overdue", note = new string('催', 501) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsJsonAsync("/api/campaigns/nope/chase", new { status = "overdue" })).StatusCode);
        await CreateUserAsync("leader@fic.example", "leader");
        using var leader = await SignInAsync("leader@fic.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/campaigns/{id}/chase", new { status = "overdue" })).StatusCode);
        Assert.Equal(4, await ManualChasesAsync());
    }

    [Fact]
    public async Task Staff_pick_demonstration_units_once_the_campaign_runs()
    {
        var chambers = await ChamberIdsAsync();
        var fz = (await Admin.GetFromJsonAsync<JsonElement>("/api/chambers")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "温州市服装商会").GetProperty("id").GetString();
        var other = chambers.First(c => c != fz);
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "在温异地商会规范化建设年", year = 2026, templateId = "four-good-campaign", participantIds = chambers });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        // A draft has no running participants to show the way.
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PutAsJsonAsync($"/api/campaigns/{id}/demonstrations/{other}", new { reason = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);
        await CampaignDriver.WaitAsync(async () => (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("status").GetString() == "Running");
        Assert.Equal(HttpStatusCode.NoContent,
            (await Admin.PutAsJsonAsync($"/api/campaigns/{id}/demonstrations/{fz}", new { reason = "基础扎实，做法可推广" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync($"/api/campaigns/{id}/demonstrations/nobody", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await Admin.PutAsJsonAsync($"/api/campaigns/{id}/demonstrations/{other}", new { reason = new string('好', 501) })).StatusCode);
        await CreateUserAsync("leader@fic.example", "leader");
        using (var leader = await SignInAsync("leader@fic.example"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync($"/api/campaigns/{id}/demonstrations/{other}", new { reason = "x" })).StatusCode);
            // Leaders see them.
            var seen = Assert.Single((await leader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/demonstrations")).EnumerateArray());
            Assert.Equal(("温州市服装商会", "基础扎实，做法可推广"), (seen.GetProperty("chamber").GetString(), seen.GetProperty("reason").GetString()));
        }

        var participants = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/participants")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("chamber").GetString()!, p => p.GetProperty("demonstration").GetBoolean());
        Assert.Equal([false, true, false], new[] { "鹿城区五马街道商会", "温州市服装商会", "龙湾区永中街道商会" }.Select(n => participants[n]));
        var timeline = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/timeline")).EnumerateArray();
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "demonstration" && e.GetProperty("chamber").GetString() == "温州市服装商会");

        var exported = Chamber.Campaigns.Chambers.TabularFile.Read(await Admin.GetByteArrayAsync($"/api/campaigns/{id}/export"), "export.xlsx");
        Assert.Equal("示范单位", exported[0].Cells[10]);
        Assert.Equal("是", Assert.Single(exported, r => r.Cells[0] == "温州市服装商会").Cells[10]);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/campaigns/{id}/demonstrations/{fz}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync($"/api/campaigns/{id}/demonstrations/{fz}")).StatusCode);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/demonstrations")).EnumerateArray());
    }

    [Fact]
    public async Task A_campaign_asked_for_wrongly_is_refused_with_reasons_and_nothing_is_created()
    {
        var chambers = await ChamberIdsAsync();
        var unknownTemplate = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "x", year = 2026, templateId = "nope", participantIds = chambers });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTemplate.StatusCode);
        Assert.Contains("nope", await unknownTemplate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync("/api/campaigns",
            new { name = "x", year = 2026, templateId = "four-good-campaign", participantIds = new[] { "ghost" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync("/api/campaigns",
            new { name = "", year = 1900, templateId = "four-good-campaign", participantIds = Array.Empty<string>() })).StatusCode);
        // A 2027 campaign is refused up front while the calendar has no 2027: the year and where to add it are named.
        var nextYear = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2027年度“四好”商会创建活动", year = 2027, templateId = "four-good-campaign", participantIds = chambers });
        Assert.Equal(HttpStatusCode.BadRequest, nextYear.StatusCode);
        var why = await nextYear.Content.ReadAsStringAsync();
        Assert.Contains("2027", why, StringComparison.Ordinal);
        Assert.Contains("工作日历", why, StringComparison.Ordinal);
        // A draft whose dates need a year the calendar lacks (saved before the check, or edited in the
        // database) is refused at launch too, and stays a draft.
        var draft = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "草稿", year = 2026, templateId = "four-good-campaign", participantIds = chambers });
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await using (var db = await Host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Chamber.Campaigns.Persistence.CampaignDbContext>>()
            .CreateDbContextAsync())
        {
            var record = await db.Campaigns.FindAsync(draftId);
            record!.Schedule = """{"planDue":"2031-04-30>"}""";
            await db.SaveChangesAsync();
        }

        var refusedLaunch = await Admin.PostAsync($"/api/campaigns/{draftId}/launch", null);
        Assert.Equal(HttpStatusCode.BadRequest, refusedLaunch.StatusCode);
        Assert.Contains("2031", await refusedLaunch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Draft", (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{draftId}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/campaigns/{draftId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "x", year = 2026, templateId = "four-good-campaign", participantIds = chambers, schedule = new Dictionary<string, string> { ["planDue"] = "soon" },
        })).StatusCode);
        // A name is one line of at most 200 characters: a line break would break every e-mail subject it goes into.
        var twoLines = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年度\r\n四好商会", year = 2026, templateId = "four-good-campaign", participantIds = chambers });
        Assert.Equal(HttpStatusCode.BadRequest, twoLines.StatusCode);
        Assert.Contains("须为一行", await twoLines.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync("/api/campaigns",
            new { name = new string('商', 201), year = 2026, templateId = "four-good-campaign", participantIds = chambers })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync("/api/campaigns",
            new { name = "x", year = 2026, templateId = "four-good-campaign", participantIds = chambers, leaders = new[] { "not a person" } })).StatusCode);
        // What the year confers, its quota, tiers and a title's years are checked too, all at once.
        var honours = await Admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "x", year = 2026, templateId = "four-good-campaign", participantIds = chambers,
            schedule = new Dictionary<string, string>
            {
                ["honourKind"] = "prize", ["honoursQuota"] = "0", ["titleYears"] = "20",
                ["honourTiers"] = """[{"name":"示范商会","count":0},{"name":"示范商会"}]""",
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, honours.StatusCode);
        var honourProblems = await honours.Content.ReadAsStringAsync();
        Assert.Contains("结果类型“prize”无效", honourProblems, StringComparison.Ordinal);
        Assert.Contains("表彰名额“0”应为正整数", honourProblems, StringComparison.Ordinal);
        Assert.Contains("称号有效期“20”应为 1–10 年", honourProblems, StringComparison.Ordinal);
        Assert.Contains("名称不能重复", honourProblems, StringComparison.Ordinal);
        // People who do not exist, or a role nobody can hold, are named in the refusal.
        await CreateUserAsync("leader@fic.example", "leader");
        var nobody = await Admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "x", year = 2026, templateId = "four-good-campaign", participantIds = chambers,
            leaders = new[] { "leadr@fic.example", "leader@fic.example" }, reviewers = new[] { "role:reviewers" }, planApprovers = new[] { "nobody@nowhere" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        var reasons = await nobody.Content.ReadAsStringAsync();
        Assert.Contains("leadr@fic.example", reasons, StringComparison.Ordinal);
        Assert.Contains("nobody@nowhere", reasons, StringComparison.Ordinal);
        Assert.Contains("role:reviewers", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("“leader@fic.example”", reasons, StringComparison.Ordinal);
        var perChamber = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "x", year = 2026, templateId = "four-good-chamber", participantIds = chambers });
        Assert.Equal(HttpStatusCode.BadRequest, perChamber.StatusCode);
        Assert.Contains("逐个商会", await perChamber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync("/api/campaigns/nope/launch", null)).StatusCode);
        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/campaigns")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_edited_with_its_participants_and_deleted_but_a_launched_campaign_is_neither()
    {
        var chambers = await ChamberIdsAsync();
        await CreateUserAsync("leader@fic.example", "leader");
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年度四好商会", year = 2026, templateId = "four-good-campaign", participantIds = chambers[..1] });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // The wizard reopens the draft as it was asked for, and saves it changed: another name, all three chambers, a leader.
        var draft = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/draft");
        Assert.Equal([chambers[0]], draft.GetProperty("participantIds").EnumerateArray().Select(c => c.GetString()));
        var changed = await Admin.PutAsJsonAsync($"/api/campaigns/{id}", new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = chambers,
            leaders = new[] { "leader@fic.example" }, schedule = new Dictionary<string, string> { ["planDue"] = "2026-05-29" },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        draft = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/draft");
        Assert.Equal("2026年度“四好”商会创建活动", draft.GetProperty("name").GetString());
        Assert.Equal(chambers.Order(StringComparer.Ordinal), draft.GetProperty("participantIds").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal("leader@fic.example", Assert.Single(draft.GetProperty("leaders").EnumerateArray()).GetString());
        Assert.Equal("2026-05-29", draft.GetProperty("schedule").GetProperty("planDue").GetString());
        Assert.Equal(3, (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("participants").GetInt32());

        // A bad change is refused and changes nothing.
        var bad = await Admin.PutAsJsonAsync($"/api/campaigns/{id}", new { name = "x", year = 2026, templateId = "four-good-campaign", participantIds = new[] { "ghost" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("2026年度“四好”商会创建活动", (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/draft")).GetProperty("name").GetString());

        // Staff and leaders cannot delete; an administrator can, and the draft is gone with its list.
        await CreateUserAsync("staff@fic.example", "staff");
        var other = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "试点", year = 2026, templateId = "four-good-campaign", participantIds = chambers });
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var leader = await SignInAsync("leader@fic.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync($"/api/campaigns/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/campaigns/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/campaigns/{otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync($"/api/campaigns/{otherId}")).StatusCode);

        // Launched, it is neither changed nor deleted.
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);
        var late = await Admin.PutAsJsonAsync($"/api/campaigns/{id}", new { name = "改名", year = 2026, templateId = "four-good-campaign", participantIds = chambers });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已启动", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.DeleteAsync($"/api/campaigns/{id}")).StatusCode);
        Assert.Equal("2026年度“四好”商会创建活动", (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_campaign_whose_workflow_faults_shows_why_instead_of_launching_for_ever()
    {
        const string faulty = """
            {"definitionId":"faulty-campaign","name":"出错的活动模板","isPublished":true,"customProperties":{"rubric":"four-good"},
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"boom","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"JavaScript","value":"throw new Error('方案步骤出错')"}}},
              {"id":"each","type":"Chamber.ForEachParticipant",
               "workflowDefinitionId":{"typeName":"String","expression":{"type":"Literal","value":"four-good-chamber"}},
               "untilStage":{"typeName":"String","expression":{"type":"Literal","value":"review"}}}],
             "connections":[{"source":{"activity":"boom","port":"Done"},"target":{"activity":"each","port":"In"}}]}}
            """;
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(faulty, Encoding.UTF8, "application/json"))).StatusCode);
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年度试点", year = 2026, templateId = "faulty-campaign", participantIds = await ChamberIdsAsync() });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);

        JsonElement view = default;
        await CampaignDriver.WaitAsync(async () =>
            (view = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("workflowFault").ValueKind == JsonValueKind.String);
        Assert.Contains("方案步骤出错", view.GetProperty("workflowFault").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, view.GetProperty("faultedParticipants").GetInt32());
        // Its status follows its workflow's, on the page and in the list.
        Assert.Equal("Faulted", view.GetProperty("status").GetString());
        Assert.Equal("Faulted", (await Admin.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == id).GetProperty("status").GetString());

        // A retry runs it again from its fault; the cause is still there, so it faults again and says so.
        var retry = await (await Admin.PostAsync($"/api/campaigns/{id}/retry-faulted", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (retry.GetProperty("retried").GetInt32(), retry.GetProperty("faultedAgain").GetInt32()));
    }

    [Fact]
    public async Task Participants_whose_workflow_faults_are_listed_with_the_reason_and_retried_together_by_staff()
    {
        const string chamber = """
            {"definitionId":"faulty-chamber","name":"出错的商会流程","isPublished":true,
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"boom","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"JavaScript","value":"throw new Error('商会步骤出错')"}}}],
             "connections":[]}}
            """;
        const string campaign = """
            {"definitionId":"faulty-participants","name":"商会流程出错的活动","isPublished":true,"customProperties":{"rubric":"four-good"},
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"each","type":"Chamber.ForEachParticipant",
               "workflowDefinitionId":{"typeName":"String","expression":{"type":"Literal","value":"faulty-chamber"}},
               "untilStage":{"typeName":"String","expression":{"type":"Literal","value":"boom"}}}],
             "connections":[]}}
            """;
        foreach (var definition in new[] { chamber, campaign })
            Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(definition, Encoding.UTF8, "application/json"))).StatusCode);
        var chambers = await ChamberIdsAsync();
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年度试点", year = 2026, templateId = "faulty-participants", participantIds = chambers });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);

        await CampaignDriver.WaitAsync(async () =>
            (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("faultedParticipants").GetInt32() == chambers.Count);
        var faulted = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/participants?status=faulted");
        Assert.Equal(chambers.Count, faulted.GetProperty("total").GetInt32());
        Assert.All(faulted.GetProperty("items").EnumerateArray(), p => Assert.Contains("商会步骤出错", p.GetProperty("fault").GetString(), StringComparison.Ordinal));
        // The unfiltered list says it too.
        Assert.Contains("商会步骤出错", (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/participants")).GetProperty("items")[0].GetProperty("fault").GetString(),
            StringComparison.Ordinal);

        // Leaders look; staff and administrators retry.
        await CreateUserAsync("leader@fic.example", "leader");
        using var leader = await SignInAsync("leader@fic.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync($"/api/campaigns/{id}/retry-faulted", null)).StatusCode);
        var retry = await (await Admin.PostAsync($"/api/campaigns/{id}/retry-faulted", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((chambers.Count, chambers.Count), (retry.GetProperty("retried").GetInt32(), retry.GetProperty("faultedAgain").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync("/api/campaigns/no-such-campaign/retry-faulted", null)).StatusCode);
    }

    [Fact]
    public async Task Stages_are_listed_in_the_order_the_workflow_reaches_them_with_the_deadline_of_the_first_requests()
    {
        var chambers = await ChamberIdsAsync();
        await CreateUserAsync("staff@fic.example", "staff");
        using var staff = await SignInAsync("staff@fic.example");
        using var portal = Host.CreateClient();
        var driver = new CampaignDriver(Admin, staff, Admin, portal);
        // The summary due before the plan: no campaign would choose it, but it tells the flow's order from the deadlines'.
        var id = await driver.CreateAndLaunchAsync(new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = chambers,
            schedule = new Dictionary<string, string> { ["planDue"] = "2026-06-30>", ["summaryDue"] = "2026-05-29>" },
        });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(id)).GetProperty("status").GetString() == "Running");
        foreach (var name in new[] { "五马", "服装" })
        {
            var chamber = (await Admin.GetFromJsonAsync<JsonElement>($"/api/chambers?search={name}")).GetProperty("items")[0].GetProperty("id").GetString()!;
            var link = (await (await Admin.PostAsync($"/api/chambers/{chamber}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
            await driver.SubmitAsync(link.Split("/portal/")[1], "贯彻落实意见（实施方案）");
        }

        await driver.CheckAllAsync(returnChamber: "温州市服装商会"); // 五马 goes on to its summary, 服装 revises its plan

        var stages = (await driver.CampaignAsync(id)).GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["plan", "summary"], stages.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 59, 59, TimeSpan.FromHours(8)), stages[0].GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 5, 29, 23, 59, 59, TimeSpan.FromHours(8)), stages[1].GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_wizard_finds_people_by_name_or_address_and_role_and_only_active_ones()
    {
        await CreateUserAsync("wang@fic.example", "leader");
        await CreateUserAsync("wangli@fic.example", "reviewer");
        await CreateUserAsync("zhao@fic.example", "staff");
        var gone = await (await Admin.PostAsJsonAsync("/api/users", new { email = "wanggone@fic.example", displayName = "wanggone", password = UserPassword, roles = new[] { "leader" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await Admin.PutAsJsonAsync($"/api/users/{gone.GetProperty("id").GetString()}", new { disabled = true });

        using var staff = await SignInAsync("zhao@fic.example");
        async Task<List<string>> FindAsync(string query) =>
            [.. (await staff.GetFromJsonAsync<JsonElement>($"/api/people?{query}")).EnumerateArray().Select(p => p.GetProperty("email").GetString()!)];
        Assert.Equal(["wang@fic.example", "wangli@fic.example"], await FindAsync("search=wang"));
        Assert.Equal(["wang@fic.example"], await FindAsync("search=WANG&role=leader"));
        Assert.Equal(["zhao@fic.example"], await FindAsync("search=zhao%40fic"));

        using var reviewer = await SignInAsync("wangli@fic.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/people")).StatusCode);
    }
}

public sealed class SqliteCampaignTests() : CampaignTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignTests() : CampaignTests(StorageProvider.Postgres);
