namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// The whole year of a Four-Good campaign for 20 chambers on the manual clock, with e-mail over a
/// real SMTP server: the leader signs off the plan, launch in April, plans by 30 April (one returned and resubmitted, five late
/// and chased, the leaders told), summaries by 30 November (one chamber never hands its in), review,
/// deadline rectification with re-review — passed after one round, or failed after two — and a veto;
/// on the closing date the silent chamber is not passed, the 拟表彰名单 is ranked up to the quota,
/// the leader decides it, the decision goes on 公示, is signed and published, and the units it names
/// are commended: the campaign closes.
/// </summary>
public abstract class WholeYearTests(StorageProvider provider) : SmtpCampaignTestBase(provider, new SmtpServer())
{
    private const int Chambers = 20;

    private HttpClient _staff = null!;
    private HttpClient _reviewer = null!;
    private HttpClient _leader = null!;
    private HttpClient _portal = null!;
    private CampaignDriver _driver = null!;
    private List<(string Id, string Name, string Token)> _chambers = [];

    protected override IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string> { ["Email:Concurrency"] = "8" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        await CreateUserAsync("leader@fic.example", "leader", "王主席");
        _staff = await SignInAsync("staff@fic.example");
        _reviewer = await SignInAsync("reviewer@fic.example");
        _leader = await SignInAsync("leader@fic.example");
        _portal = Host.CreateClient();
        _driver = new CampaignDriver(Admin, _staff, _reviewer, _portal);

        var csv = new StringBuilder("名称,类型,所属区,邮箱\n");
        for (var i = 0; i < Chambers; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"第{i:00}商会,行业,鹿城区,c{i:00}@chamber.example\n");
        var ids = await ImportChambersAsync(csv.ToString());
        for (var i = 0; i < Chambers; i++)
        {
            var link = (await (await Admin.PostAsync($"/api/chambers/{ids[i]}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
            _chambers.Add((ids[i], $"第{i:00}商会", link.Split("/portal/")[1]));
        }
    }

    public override async Task DisposeAsync()
    {
        _staff.Dispose();
        _reviewer.Dispose();
        _leader.Dispose();
        _portal.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_four_good_campaign_runs_from_launch_to_commendation_and_rectification()
    {
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = _chambers.Select(c => c.Id),
            leaders = new[] { "leader@fic.example" }, reviewers = new[] { "role:staff" }, planApprovers = new[] { "leader@fic.example" },
            schedule = new Dictionary<string, string> { ["scorers"] = "role:reviewer", ["closingDate"] = "2026-12-15<", ["honoursQuota"] = "15" },
        });
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var plan = await AttachThePlanAsync(campaignId!);
        await Admin.PostAsync($"/api/campaigns/{campaignId}/launch", null);

        // The plan waits for the leader's sign-off; no chamber has heard of the campaign yet.
        var signOff = await WaitForTaskAsync(_leader);
        await TheLeaderOpensThePlanAsync(signOff.GetProperty("id").GetString()!, plan);
        Assert.Equal("SignOff", signOff.GetProperty("task").GetProperty("kind").GetString());
        var waiting = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}");
        Assert.Equal(("Launching", 0), (waiting.GetProperty("status").GetString(), waiting.GetProperty("launched").GetInt32()));
        var planSignOff = Assert.Single(waiting.GetProperty("tasks").EnumerateArray());
        // The stage's name in the reader's language, one at a time: the definition's own Chinese, or its English translation.
        Assert.Equal("方案签批", planSignOff.GetProperty("stage").GetString());
        using (var inEnglish = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaignId}"))
        {
            inEnglish.Headers.AcceptLanguage.ParseAdd("en");
            var english = await (await Admin.SendAsync(inEnglish)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Plan sign-off", english.GetProperty("tasks")[0].GetProperty("stage").GetString());
        }

        Assert.Equal("王主席", planSignOff.GetProperty("assigneeName").GetString());
        Assert.Equal(0, (await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await _leader.PostAsJsonAsync($"/api/tasks/{signOff.GetProperty("id").GetString()}/complete",
            new { action = "approve", comment = "同意印发" })).StatusCode);
        await CampaignDriver.WaitAsync(async () => (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}")).GetProperty("status").GetString() == "Running");

        // Plans: fifteen come in on 20 April; the one from chamber 01 is returned once; five are late.
        await _driver.AdvanceAsync("2026-04-20T02:00:00Z");
        foreach (var chamber in _chambers.Take(15))
            await _driver.SubmitAsync(chamber.Token, "贯彻落实意见（实施方案）");
        await _driver.CheckAllAsync(returnChamber: _chambers[1].Name);
        await _driver.SubmitAsync(_chambers[1].Token, "贯彻落实意见（实施方案）");
        await _driver.CheckAllAsync();

        await _driver.AdvanceAsync("2026-05-15T02:00:00Z");
        foreach (var chamber in _chambers.Skip(15))
            await _driver.SubmitAsync(chamber.Token, "贯彻落实意见（实施方案）");
        await _driver.CheckAllAsync();

        await TimelineTellsTheSpringAsync(campaignId!);

        // The federation's progress meetings in the second and third quarters, one for all chambers.
        await _driver.AdvanceAsync("2026-06-25T09:00:00Z");
        Assert.Equal(1, await _driver.RecordCampaignMeetingsAsync(campaignId!));
        await _driver.AdvanceAsync("2026-09-24T09:00:00Z");
        Assert.Equal(1, await _driver.RecordCampaignMeetingsAsync(campaignId!));

        // Summaries by 30 November, on time; chamber 16 never hands its in.
        await _driver.AdvanceAsync("2026-11-20T02:00:00Z");
        foreach (var chamber in _chambers.Where(c => c != _chambers[16]))
            await _driver.SubmitAsync(chamber.Token, "年度创建工作总结");
        await _driver.CheckAllAsync();

        // Review: 17 pass; chamber 17 falls short and passes after one rectification; chamber 18 fails
        // twice; chamber 19 has a veto, which no rectification makes good: it has not passed, at once.
        await _driver.ScoreAllAsync("four-good", name => name == _chambers[17].Name || name == _chambers[18].Name ? 0.5m : 1m, name => name == _chambers[19].Name);

        // The silent chamber holds the campaign: no list goes to the leader before the closing date.
        Assert.DoesNotContain((await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=500")).GetProperty("items").EnumerateArray(),
            m => m.GetProperty("summary").GetString()!.Contains("拟表彰名单", StringComparison.Ordinal));
        await _driver.AdvanceAsync("2026-12-01T02:00:00Z");
        Assert.DoesNotContain("整改报告", await _driver.OpenItemsAsync(_chambers[19].Token));
        foreach (var chamber in _chambers.Skip(17).Take(2))
            await _driver.SubmitAsync(chamber.Token, "整改报告");
        await _driver.CheckAllAsync();
        await _driver.ScoreAllAsync("four-good", name => name == _chambers[18].Name ? 0.5m : 1m, _ => false);
        await _driver.AdvanceAsync("2026-12-10T02:00:00Z");
        await _driver.SubmitAsync(_chambers[18].Token, "整改报告");
        await _driver.CheckAllAsync();
        await _driver.ScoreAllAsync("four-good", _ => 0.5m, _ => false);

        await TheCampaignClosesWithTheDecisionAsync(campaignId!);

        // Scores and outcomes, participant by participant, once the last reports are in.
        await CampaignDriver.WaitAsync(async () => (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}")).GetProperty("outcomes")
            .TryGetProperty("not-passed", out var notPassed) && notPassed.GetInt32() == 3);
        var participants = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/participants?pageSize=100")).GetProperty("items")
            .EnumerateArray().ToDictionary(p => p.GetProperty("chamber").GetString()!);
        Assert.Equal(15, participants.Values.Count(p => p.GetProperty("outcome").GetString() == "commended"));
        // Passed, and level with the last on the list, but beyond the quota: 达标, not commended.
        Assert.Equal(["passed", "passed"], new[] { _chambers[15], _chambers[17] }.Select(c => participants[c.Name].GetProperty("outcome").GetString()));
        Assert.Equal("not-passed", participants[_chambers[16].Name].GetProperty("outcome").GetString());
        Assert.Equal("not-passed", participants[_chambers[18].Name].GetProperty("outcome").GetString());
        Assert.Equal("not-passed", participants[_chambers[19].Name].GetProperty("outcome").GetString());
        // Full marks on every hand-scored standard; the two computed from the 台账 need figures these chambers never entered.
        Assert.Equal(91, participants[_chambers[0].Name].GetProperty("score").GetDouble());
        Assert.Equal(45.5, participants[_chambers[18].Name].GetProperty("score").GetDouble());
        Assert.Equal("限期整改", participants[_chambers[18].Name].GetProperty("reached").GetString());
        Assert.Equal("表彰", participants[_chambers[17].Name].GetProperty("reached").GetString());

        // The mail that went out, as the SMTP server received it.
        await CampaignDriver.WaitAsync(async () => (await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&status=Sent")).GetProperty("total").GetInt32()
            == (await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email")).GetProperty("total").GetInt32());
        var outbox = (await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=500")).GetProperty("items").EnumerateArray()
            .Select(m => (Day: DateOnly.FromDateTime(m.GetProperty("createdAt").GetDateTime().AddHours(8)), Summary: m.GetProperty("summary").GetString()!,
                Status: m.GetProperty("status").GetString()))
            .ToList();
        Assert.All(outbox, m => Assert.Equal("Sent", m.Status));
        Assert.Equal(outbox.Count, Smtp.Messages.Count);

        // Reminders and chases only on working days, never in the May Day break.
        foreach (var day in outbox.Where(m => m.Summary.Contains("【提醒】", StringComparison.Ordinal) || m.Summary.Contains("【催办】", StringComparison.Ordinal)).Select(m => m.Day).Distinct())
            Assert.True((await Admin.GetFromJsonAsync<JsonElement>($"/api/calendars/cn/days/{day:yyyy-MM-dd}")).GetProperty("working").GetBoolean(), $"Mail went out on {day}, a day off.");

        // The five late chambers were chased from the first working days after the break, and the leaders told.
        var chased = outbox.Where(m => m.Summary.Contains("【催办】", StringComparison.Ordinal)).ToList();
        Assert.All(_chambers.Skip(15), c => Assert.Contains(chased, m => m.Summary.Contains($"c{c.Name[1..3]}@", StringComparison.Ordinal)));
        Assert.DoesNotContain(chased, m => _chambers.Take(15).Any(c => m.Summary.Contains($"c{c.Name[1..3]}@", StringComparison.Ordinal)));
        // One digest tells the leader about all five, by name, not five e-mails.
        Assert.Single(outbox, m => m.Summary.StartsWith("leader@fic.example · 【督办】5项", StringComparison.Ordinal));
        var digest = Assert.Single(Smtp.Messages.Select(Email.PickupMail.Readable), t => t.Contains("请督办", StringComparison.Ordinal) && t.Contains("5 项", StringComparison.Ordinal));
        Assert.All(_chambers.Skip(15), c => Assert.Contains($"{c.Name}未提交", digest, StringComparison.Ordinal));

        Assert.Single(outbox, m => m.Summary.Contains("【退回】", StringComparison.Ordinal));
        // The commended chambers' letters went with the leaders' signed decision, on the day it was published, to the fifteen it names.
        var letters = outbox.Where(m => m.Summary.Contains("【表彰】", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, letters.Count);
        Assert.All(letters, m => Assert.Equal(new DateOnly(2026, 12, 24), m.Day));
        Assert.DoesNotContain(letters, m => m.Summary.Contains("c15@", StringComparison.Ordinal) || m.Summary.Contains("c17@", StringComparison.Ordinal));
        Assert.Equal(Chambers, outbox.Count(m => m.Summary.Contains("【表彰决定】", StringComparison.Ordinal)));
        Assert.Equal(3, outbox.Count(m => m.Summary.Contains("【限期整改】", StringComparison.Ordinal)));
        var failed = Assert.Single(outbox, m => m.Summary.Contains("【考核结果】", StringComparison.Ordinal) && m.Summary.Contains("整改复核仍未达标", StringComparison.Ordinal));
        Assert.Contains("c18@", failed.Summary, StringComparison.Ordinal);
        var vetoed = Assert.Single(outbox, m => m.Summary.Contains("存在一票否决情形", StringComparison.Ordinal));
        Assert.Contains("c19@", vetoed.Summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// The closing date passes: the silent chamber is not passed and its part stops; the seventeen
    /// that passed, all with full marks, are ranked up to the quota of fifteen (the two beyond it
    /// flagged as level with the last); the leader decides the list; the decision is on 公示 for
    /// five working days, then signed and published.
    /// </summary>
    private async Task TheCampaignClosesWithTheDecisionAsync(string campaignId)
    {
        await _driver.AdvanceAsync("2026-12-15T16:01:00Z"); // 00:01 on 16 December, Beijing
        JsonElement list = default;
        await CampaignDriver.WaitAsync(async () => (await _staff.GetAsync($"/api/campaigns/{campaignId}/honours")) is { StatusCode: HttpStatusCode.OK } found
            && (list = await found.Content.ReadFromJsonAsync<JsonElement>()).ValueKind == JsonValueKind.Object);
        var entries = list.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal((17, 15), (entries.Count, list.GetProperty("included").GetInt32()));
        Assert.All(entries, e => Assert.Equal(1, e.GetProperty("rank").GetInt32()));
        Assert.Equal([_chambers[15].Name, _chambers[17].Name], entries.Where(e => e.GetProperty("tiedAtQuota").GetBoolean())
            .Select(e => e.GetProperty("chamber").GetString()!).ToArray());
        var mail = Assert.Single((await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=500")).GetProperty("items").EnumerateArray(),
            m => m.GetProperty("summary").GetString()!.Contains("【拟表彰名单】", StringComparison.Ordinal)).GetProperty("summary").GetString()!;
        Assert.StartsWith("leader@fic.example", mail, StringComparison.Ordinal);
        Assert.Contains("拟表彰15个商会", mail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await _leader.PostAsJsonAsync($"/api/tasks/{(await WaitForTaskAsync(_leader)).GetProperty("id").GetString()}/complete",
            new { action = "approve" })).StatusCode);
        JsonElement notice = default;
        await CampaignDriver.WaitAsync(async () => (await _staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/notices")).EnumerateArray().ToList()
            is [var only] && (notice = only).GetProperty("status").GetString() == "publicity");
        // Five working days from the day after: 17, 18, 21, 22 and 23 December.
        Assert.Equal("2026-12-23", notice.GetProperty("publicityUntil").GetString());
        await _driver.AdvanceAsync("2026-12-24T01:00:00Z");
        Assert.Equal(HttpStatusCode.OK, (await _leader.PostAsJsonAsync($"/api/tasks/{(await WaitForTaskAsync(_leader)).GetProperty("id").GetString()}/complete",
            new { action = "approve" })).StatusCode);
        var instance = Chamber.Campaigns.Lifecycle.CampaignService.CampaignInstanceId(campaignId);
        await CampaignDriver.WaitAsync(async () => (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}")).GetProperty("status").GetString() == "Finished");
        // The letters are written after the publication, by the participant mailer.
        await CampaignDriver.WaitAsync(async () => (await _driver.MailAsync()).Count(m => m.Summary.Contains("【表彰】", StringComparison.Ordinal)) == 15
            && (await _driver.MailAsync()).Count(m => m.Summary.Contains("【表彰决定】", StringComparison.Ordinal)) == Chambers);
    }

    private static async Task<JsonElement> WaitForTaskAsync(HttpClient user)
    {
        JsonElement[] tasks = [];
        await CampaignDriver.WaitAsync(async () => (tasks = [.. (await user.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()]).Length > 0);
        return Assert.Single(tasks);
    }

    private static readonly byte[] PlanPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>The department attaches the plan to the campaign; a program dressed as a PDF is refused and nothing is kept of that upload.</summary>
    private async Task<string> AttachThePlanAsync(string campaignId)
    {
        using var refused = new MultipartFormDataContent
        {
            { new ByteArrayContent(PlanPdf), "files", "实施方案.pdf" },
            { new ByteArrayContent("MZ\u0090\u0000 not a plan"u8.ToArray()), "files", "方案.pdf" },
        };
        var refusal = await Admin.PostAsync($"/api/campaigns/{campaignId}/documents", refused);
        Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
        Assert.Contains("方案.pdf", await refusal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/documents")).EnumerateArray());

        using var upload = new MultipartFormDataContent { { new ByteArrayContent(PlanPdf), "files", "2026年度实施方案.pdf" } };
        var stored = await Admin.PostAsync($"/api/campaigns/{campaignId}/documents", upload);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var document = Assert.Single((await stored.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(("2026年度实施方案.pdf", "application/pdf"), (document.GetProperty("fileName").GetString(), document.GetProperty("contentType").GetString()));
        // Only the department attaches: a leader oversees but does not change the campaign.
        using var byLeader = new MultipartFormDataContent { { new ByteArrayContent(PlanPdf), "files", "x.pdf" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await _leader.PostAsync($"/api/campaigns/{campaignId}/documents", byLeader)).StatusCode);
        return document.GetProperty("id").GetString()!;
    }

    /// <summary>The leader's sign-off task lists the plan, and the leader downloads it as it was uploaded and adds to it; a reviewer with no task there may do neither.</summary>
    private async Task TheLeaderOpensThePlanAsync(string taskId, string planId)
    {
        var files = await _leader.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/files");
        Assert.Equal(planId, Assert.Single(files.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(PlanPdf, await _leader.GetByteArrayAsync($"/api/submissions/files/{planId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _reviewer.GetAsync($"/api/submissions/files/{planId}")).StatusCode);

        // The leader adds the signed page to the task; it joins the plan for whoever answers there next. Nobody else adds to it.
        using var scan = new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "files", "签批页.png" } };
        var added = await _leader.PostAsync($"/api/tasks/{taskId}/files", scan);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(["2026年度实施方案.pdf", "签批页.png"], (await added.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(f => f.GetProperty("fileName").GetString()!).ToArray());
        using var intruding = new MultipartFormDataContent { { new ByteArrayContent(PlanPdf), "files", "x.pdf" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await _reviewer.PostAsync($"/api/tasks/{taskId}/files", intruding)).StatusCode);
    }

    /// <summary>
    /// The campaign's story as people read it, up to May: the launch, the plan sent to the leader
    /// and signed, and the chambers' plans — one line for many chambers on one day, each chamber
    /// by name on its own participant's timeline.
    /// </summary>
    private async Task TimelineTellsTheSpringAsync(string campaignId)
    {
        var entries = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/timeline")).EnumerateArray().ToList();
        JsonElement One(string kind, Func<JsonElement, bool> where) => Assert.Single(entries, e => e.GetProperty("kind").GetString() == kind && where(e));
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        static int Count(JsonElement e) => e.GetProperty("count").GetInt32();

        Assert.Equal(Chambers, Count(One("launched", _ => true)));
        Assert.Equal("王主席", Text(One("task-opened", e => Text(e, "stage") == "方案签批"), "person"));
        var signed = One("task-answered", e => Text(e, "stage") == "方案签批");
        Assert.Equal(("王主席", "approve"), (Text(signed, "person"), Text(signed, "action")));
        // The requests went out to every chamber on the day of the sign-off (a returned plan is asked for again later).
        var requests = entries.Where(e => e.GetProperty("kind").GetString() == "emailed" && Text(e, "template") == "submission-request")
            .OrderBy(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.True(requests.Count > 0 && Count(requests[0]) == Chambers, string.Join("; ", requests.Select(r => r.ToString())));
        // 20 April: fifteen plans and chamber 01's second one, counted; 15 May: the last five.
        var april = One("submitted", e => e.GetProperty("at").GetDateTimeOffset().Month == 4);
        Assert.Equal((16, null), (Count(april), Text(april, "chamber")));
        Assert.Equal(5, Count(One("submitted", e => e.GetProperty("at").GetDateTimeOffset().Month == 5)));
        // One return that day: it names the chamber.
        Assert.Equal(_chambers[1].Name, Text(One("submission-answered", e => Text(e, "action") == "returned"), "chamber"));
        // Newest first.
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.GetProperty("at").GetDateTimeOffset() >= p.Second.GetProperty("at").GetDateTimeOffset()));

        // Chamber 01's own timeline: its two plans, the return between them, its own e-mails.
        var participant = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/participants?pageSize=100")).GetProperty("items")
            .EnumerateArray().Single(p => p.GetProperty("chamber").GetString() == _chambers[1].Name);
        var own = (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{participant.GetProperty("instanceId").GetString()}/timeline"))
            .EnumerateArray().ToList();
        Assert.Equal(2, own.Count(e => e.GetProperty("kind").GetString() == "submitted" && Text(e, "chamber") == _chambers[1].Name));
        Assert.Contains(own, e => e.GetProperty("kind").GetString() == "emailed" && Text(e, "template") == "submission-returned" && Count(e) == 1);
        Assert.DoesNotContain(own, e => Text(e, "chamber") is { } other && other != _chambers[1].Name);
    }
}

public sealed class SqliteWholeYearTests() : WholeYearTests(StorageProvider.Sqlite);

public sealed class PostgresWholeYearTests() : WholeYearTests(StorageProvider.Postgres);
