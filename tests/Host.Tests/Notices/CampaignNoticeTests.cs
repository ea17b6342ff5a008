using Chamber.Campaigns.Notices;
using Chamber.Host.Tests.Campaigns;

namespace Chamber.Host.Tests.Notices;

/// <summary>
/// A Four-Good year to its end: after the review the units that passed are ranked into the 拟表彰名单
/// up to the campaign's quota; staff change it (with reasons) after the leader returns it, and the
/// leader decides it; the commendation decision is drafted from it as a Word document, goes on 公示,
/// is signed, and every chamber is told by e-mail and downloads it from its portal page; only the
/// units it names are commended.
/// </summary>
public abstract class CampaignNoticeTests(StorageProvider provider) : CampaignHostTestBase(provider)
{

    [Fact]
    public async Task The_decision_is_drafted_from_the_results_signed_off_and_published_to_every_chamber()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        await CreateUserAsync("leader@fic.example", "leader");
        using var staff = await SignInAsync("staff@fic.example");
        using var reviewer = await SignInAsync("reviewer@fic.example");
        using var leader = await SignInAsync("leader@fic.example");
        using var portal = Host.CreateClient();
        var driver = new CampaignDriver(Admin, staff, reviewer, portal);
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱
            黄浦区温州商会,异地商会,hp@chamber.example
            静安区服装商会,行业商会,ja@chamber.example
            徐汇区餐饮商会,行业商会,xh@chamber.example
            长宁区科技商会,行业商会,cn@chamber.example
            """);
        var outsider = (await ImportChambersAsync("""
            名称,类型,邮箱
            不参加的商会,行业商会,out@chamber.example
            """))[0];
        var campaign = await driver.CreateAndLaunchAsync(new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids, leaders = new[] { "leader@fic.example" },
            schedule = new Dictionary<string, string> { ["noticeNumber"] = "沪工商联〔2026〕12号", ["honoursQuota"] = "2" },
        });
        await CampaignDriver.WaitAsync(async () => (await driver.CampaignAsync(campaign)).GetProperty("status").GetString() == "Running");
        var tokens = new List<string>();
        foreach (var id in ids)
            tokens.Add(await PortalTokenAsync(id));

        // The year: plans, the two quarterly meetings, summaries, the review (one chamber falls short).
        foreach (var token in tokens)
            await driver.SubmitAsync(token, "贯彻落实意见（实施方案）");
        await driver.CheckAllAsync();
        await driver.AdvanceAsync("2026-06-25T09:00:00Z");
        Assert.Equal(1, await driver.RecordCampaignMeetingsAsync(campaign));
        await driver.AdvanceAsync("2026-09-24T09:00:00Z");
        Assert.Equal(1, await driver.RecordCampaignMeetingsAsync(campaign));
        await driver.AdvanceAsync("2026-11-20T02:00:00Z");
        foreach (var token in tokens)
            await driver.SubmitAsync(token, "年度创建工作总结");
        await driver.CheckAllAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/campaigns/{campaign}/demonstrations/{ids[1]}", new { reason = "做法可推广" })).StatusCode);
        Assert.Equal(4, await driver.ScoreAllAsync("four-good", chamber => chamber switch { "徐汇区餐饮商会" => 0.5m, "长宁区科技商会" => 0.9m, _ => 1m }));

        await TheLeaderDecidesTheShortlistAsync(campaign, ids, staff, leader, driver);

        // 公示: the drafted decision is shown on every chamber's page for five working days; a chamber objects, staff answer.
        JsonElement shown = default;
        await CampaignDriver.WaitAsync(async () => (shown = (await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[2]}")).GetProperty("notices")
            .EnumerateArray().FirstOrDefault()).ValueKind == JsonValueKind.Object);
        Assert.Equal("publicity", shown.GetProperty("status").GetString());
        var staffSees = Assert.Single((await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/notices")).EnumerateArray());
        Assert.Equal(("decision", "publicity", "沪工商联〔2026〕12号"), (staffSees.GetProperty("kind").GetString(), staffSees.GetProperty("status").GetString(),
            staffSees.GetProperty("number").GetString()));
        var until = DateOnly.Parse(shown.GetProperty("publicityUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var noticeId = shown.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.PostAsJsonAsync($"/api/portal/{tokens[2]}/notices/{noticeId}/objections", new { text = " " })).StatusCode);
        var objected = await portal.PostAsJsonAsync($"/api/portal/{tokens[2]}/notices/{noticeId}/objections", new { text = "本会整改已完成，请复核后再定名单" });
        Assert.Equal(HttpStatusCode.OK, objected.StatusCode);
        var objection = Assert.Single((await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/objections")).EnumerateArray());
        Assert.Equal("徐汇区餐饮商会", objection.GetProperty("chamber").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/campaigns/{campaign}/objections/{objection.GetProperty("id").GetString()}/answer",
            new { answer = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/objections/{objection.GetProperty("id").GetString()}/answer",
            new { answer = "整改复核通过后另行表彰" })).StatusCode);
        var mine = Assert.Single(Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[2]}")).GetProperty("notices").EnumerateArray())
            .GetProperty("objections").EnumerateArray());
        Assert.Equal("整改复核通过后另行表彰", mine.GetProperty("answer").GetString());
        Assert.DoesNotContain((await leader.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray(),
            t => t.GetProperty("task").GetProperty("title").GetString()!.Contains("表彰决定", StringComparison.Ordinal));
        await driver.AdvanceAsync($"{until.AddDays(1):yyyy-MM-dd}T01:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.PostAsJsonAsync($"/api/portal/{tokens[2]}/notices/{noticeId}/objections", new { text = "迟到的异议" })).StatusCode);

        // Then the leader's sign-off carries the drafted decision.
        JsonElement task = default;
        await CampaignDriver.WaitAsync(async () => (await leader.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("task").GetProperty("title").GetString()!.Contains("表彰决定", StringComparison.Ordinal)).ToList() is [var found]
            && (task = found).ValueKind == JsonValueKind.Object);
        var files = (await leader.GetFromJsonAsync<JsonElement>($"/api/tasks/{task.GetProperty("id").GetString()}/files")).EnumerateArray().ToList();
        var decision = Assert.Single(files, f => f.GetProperty("fileName").GetString() == "关于表彰2026年度“四好”商会的决定.docx");
        var text = NoticeDocument.Paragraphs(await leader.GetByteArrayAsync($"/api/submissions/files/{decision.GetProperty("id").GetString()}"));
        Assert.Contains("沪工商联〔2026〕12号", text);
        Assert.Contains(text, p => p.Contains("授予2个单位“2026年度‘四好’商会”称号", StringComparison.Ordinal));
        Assert.Contains("静安区服装商会、长宁区科技商会", text);
        Assert.Contains("静安区服装商会", text.SkipWhile(p => !p.StartsWith("二、示范单位名单", StringComparison.Ordinal)));
        Assert.DoesNotContain(text, p => p.Contains("徐汇区餐饮商会", StringComparison.Ordinal) || p.Contains("黄浦区温州商会", StringComparison.Ordinal));
        // Nothing is published before it is signed, and no chamber has read that it is commended.
        Assert.Equal("publicity", Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[0]}")).GetProperty("notices").EnumerateArray())
            .GetProperty("status").GetString());
        Assert.DoesNotContain(await driver.MailAsync(), m => m.Summary.Contains("【表彰】", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", new { action = "approve" })).StatusCode);

        // Every chamber, the one rectifying too, is told and finds it on its page; the two it names get their letters now, and only they are commended.
        await CampaignDriver.WaitAsync(async () => (await driver.MailAsync()).Count(m => m.Summary.Contains("【表彰决定】关于表彰2026年度“四好”商会的决定", StringComparison.Ordinal)) == 4);
        await CampaignDriver.WaitAsync(async () => (await driver.MailAsync()).Count(m => m.Summary.Contains("【表彰】", StringComparison.Ordinal)) == 2);
        Assert.All((await driver.MailAsync()).Where(m => m.Summary.Contains("【表彰】", StringComparison.Ordinal)),
            m => Assert.True(m.Summary.Contains("ja@", StringComparison.Ordinal) || m.Summary.Contains("cn@", StringComparison.Ordinal), m.Summary));
        var outcomes = (await driver.ParticipantsAsync(campaign)).ToDictionary(p => p.Key, p => p.Value.GetProperty("outcome").GetString());
        Assert.Equal(("commended", "commended", "passed", "rectifying"),
            (outcomes["静安区服装商会"], outcomes["长宁区科技商会"], outcomes["黄浦区温州商会"], outcomes["徐汇区餐饮商会"]));
        Assert.Equal("published", (await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/honours")).GetProperty("status").GetString());
        JsonElement notice = default;
        await CampaignDriver.WaitAsync(async () => (notice = Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[2]}")).GetProperty("notices")
            .EnumerateArray())).GetProperty("status").GetString() == "published");
        Assert.Equal(("decision", "沪工商联〔2026〕12号", "上海市工商业联合会"),
            (notice.GetProperty("kind").GetString(), notice.GetProperty("number").GetString(), notice.GetProperty("issuer").GetString()));
        var download = await portal.GetAsync($"/api/portal/{tokens[2]}/notices/{notice.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(NoticeDocument.ContentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("静安区服装商会、长宁区科技商会", NoticeDocument.Paragraphs(await download.Content.ReadAsByteArrayAsync()));
        // A chamber outside the campaign neither sees nor downloads it.
        var stranger = await PortalTokenAsync(outsider);
        Assert.Empty((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{stranger}")).GetProperty("notices").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/api/portal/{stranger}/notices/{notice.GetProperty("id").GetString()}")).StatusCode);

        var followed = Assert.Single((await leader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/notices")).EnumerateArray());
        Assert.Equal(("published", 1), (followed.GetProperty("status").GetString(), followed.GetProperty("objections").GetInt32()));
        var journal = await Admin.GetStringAsync($"/api/workflow-instances/{Chamber.Campaigns.Lifecycle.CampaignService.CampaignInstanceId(campaign)}/journal");
        Assert.Contains("已印发《关于表彰2026年度“四好”商会的决定》", System.Text.RegularExpressions.Regex.Unescape(journal), StringComparison.Ordinal);
    }

    /// <summary>
    /// 拟表彰名单: ranked by score up to the quota of 2 and sent to the leader, who reads it on the
    /// sign-off and returns it; staff strike one unit and add another, each with a reason (the quota
    /// and a missing reason are refused, and a leader changes nothing there); the leader decides it,
    /// and from then on it does not change.
    /// </summary>
    private static async Task TheLeaderDecidesTheShortlistAsync(string campaign, IReadOnlyList<string> ids, HttpClient staff, HttpClient leader, CampaignDriver driver)
    {
        JsonElement list = default;
        await CampaignDriver.WaitAsync(async () => (await staff.GetAsync($"/api/campaigns/{campaign}/honours")) is { StatusCode: HttpStatusCode.OK } found
            && (list = await found.Content.ReadFromJsonAsync<JsonElement>()).ValueKind == JsonValueKind.Object);
        Assert.Equal(("proposed", 2, 3), (list.GetProperty("status").GetString(), list.GetProperty("quota").GetInt32(), list.GetProperty("entries").GetArrayLength()));
        var entries = list.GetProperty("entries").EnumerateArray()
            .Select(e => (Name: e.GetProperty("chamber").GetString(), Rank: e.GetProperty("rank").GetInt32(), Score: e.GetProperty("score").GetDouble(),
                Included: e.GetProperty("included").GetBoolean())).ToList();
        // Scored by hand: the two standards computed from the 台账 give nothing without figures.
        Assert.Equal([("静安区服装商会", 1, 91d, true), ("黄浦区温州商会", 1, 91d, true), ("长宁区科技商会", 3, 81.9d, false)], entries);
        await CampaignDriver.WaitAsync(async () => (await driver.MailAsync()).Any(m => m.Summary.StartsWith("leader@fic.example · 【拟表彰名单】", StringComparison.Ordinal)));

        var changLin = ids[3];
        var huangPu = ids[0];
        async Task<HttpResponseMessage> ChangeAsync(HttpClient who, string chamberId, bool included, string? note) =>
            await who.PutAsJsonAsync($"/api/campaigns/{campaign}/honours/{chamberId}", new { included, note });
        var full = await ChangeAsync(staff, changLin, true, "创新突出");
        Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
        Assert.Contains("名额 2 个已满", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(staff, huangPu, false, " ")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ChangeAsync(leader, huangPu, false, "x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ChangeAsync(staff, ids[2], true, "整改中")).StatusCode);

        // The leader reads the list on the sign-off, with the scores, and sends it back.
        var signOff = await TaskTitledAsync(leader, "拟表彰名单");
        var files = (await leader.GetFromJsonAsync<JsonElement>($"/api/tasks/{signOff}/files")).EnumerateArray().ToList();
        var document = Assert.Single(files, f => f.GetProperty("fileName").GetString() == "2026年度“四好”商会拟表彰名单.docx");
        var text = NoticeDocument.Paragraphs(await leader.GetByteArrayAsync($"/api/submissions/files/{document.GetProperty("id").GetString()}"));
        Assert.Contains("静安区服装商会（91分）、黄浦区温州商会（91分）", text);
        Assert.Contains("长宁区科技商会（81.9分）", text);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/tasks/{signOff}/complete",
            new { action = "return", comment = "长宁区科技商会创新突出，请调整名单" })).StatusCode);

        // Staff revise it: one off, one on, each with the reason; the leader's document follows.
        var revise = await TaskTitledAsync(staff, "拟表彰名单");
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(staff, huangPu, false, "按领导意见调整")).StatusCode);
        var changed = await ChangeAsync(staff, changLin, true, "创新做法在全市推广");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["静安区服装商会", "长宁区科技商会"], after.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("included").GetBoolean()).Select(e => e.GetProperty("chamber").GetString()!).ToArray());
        var struck = after.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("chamberId").GetString() == huangPu);
        Assert.Equal(("按领导意见调整", "staff@fic.example"), (struck.GetProperty("note").GetString(), struck.GetProperty("changedBy").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/tasks/{revise}/complete", new { action = "resubmit" })).StatusCode);

        var again = await TaskTitledAsync(leader, "拟表彰名单");
        var revised = (await leader.GetFromJsonAsync<JsonElement>($"/api/tasks/{again}/files")).EnumerateArray()
            .Single(f => f.GetProperty("fileName").GetString()!.EndsWith("拟表彰名单.docx", StringComparison.Ordinal));
        Assert.Contains("黄浦区温州商会（91分），按领导意见调整",
            NoticeDocument.Paragraphs(await leader.GetByteArrayAsync($"/api/submissions/files/{revised.GetProperty("id").GetString()}")));
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/tasks/{again}/complete", new { action = "approve" })).StatusCode);

        // Decided: the decision is drafted from it, and it changes no more.
        await CampaignDriver.WaitAsync(async () => (await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/honours")).GetProperty("status").GetString() == "decided");
        var late = await ChangeAsync(staff, huangPu, true, "再调整");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("已由领导签批", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The one open task of the user whose title names <paramref name="words"/>, once it is there.</summary>
    private static async Task<string> TaskTitledAsync(HttpClient user, string words)
    {
        string? id = null;
        await CampaignDriver.WaitAsync(async () => (id = (await user.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("task").GetProperty("title").GetString()!.Contains(words, StringComparison.Ordinal))
            .Select(t => t.GetProperty("id").GetString()).SingleOrDefault()) is not null);
        return id!;
    }
}

public sealed class SqliteCampaignNoticeTests() : CampaignNoticeTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignNoticeTests() : CampaignNoticeTests(StorageProvider.Postgres);
