using Chamber.Campaigns.Notices;
using Chamber.Host.Tests.Campaigns;

namespace Chamber.Host.Tests.Notices;

/// <summary>
/// A Four-Good year to its end: after the review the commendation decision is drafted as a Word
/// document from the results, a leader reads it on the sign-off and signs it, and every chamber is
/// told by e-mail and downloads it from its portal page.
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
            """);
        var outsider = (await ImportChambersAsync("""
            名称,类型,邮箱
            不参加的商会,行业商会,out@chamber.example
            """))[0];
        var campaign = await driver.CreateAndLaunchAsync(new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids, leaders = new[] { "leader@fic.example" },
            schedule = new Dictionary<string, string> { ["noticeNumber"] = "沪工商联〔2026〕12号" },
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
        Assert.Equal(3, await driver.ScoreAllAsync("four-good", chamber => chamber == "徐汇区餐饮商会" ? 0.5m : 1m));

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
        Assert.Contains("静安区服装商会、黄浦区温州商会", text);
        Assert.Contains("静安区服装商会", text.SkipWhile(p => !p.StartsWith("二、示范单位名单", StringComparison.Ordinal)));
        Assert.DoesNotContain(text, p => p.Contains("徐汇区餐饮商会", StringComparison.Ordinal));
        // Nothing is published before it is signed, and no chamber has read that it is commended.
        Assert.Equal("publicity", Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[0]}")).GetProperty("notices").EnumerateArray())
            .GetProperty("status").GetString());
        Assert.DoesNotContain(await driver.MailAsync(), m => m.Summary.Contains("【表彰】", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", new { action = "approve" })).StatusCode);

        // Every chamber, the one rectifying too, is told and finds it on its page; the two it names get their letters now.
        await CampaignDriver.WaitAsync(async () => (await driver.MailAsync()).Count(m => m.Summary.Contains("【表彰决定】关于表彰2026年度“四好”商会的决定", StringComparison.Ordinal)) == 3);
        await CampaignDriver.WaitAsync(async () => (await driver.MailAsync()).Count(m => m.Summary.Contains("【表彰】", StringComparison.Ordinal)) == 2);
        Assert.DoesNotContain(await driver.MailAsync(), m => m.Summary.Contains("【表彰】", StringComparison.Ordinal) && m.Summary.Contains("xh@", StringComparison.Ordinal));
        JsonElement notice = default;
        await CampaignDriver.WaitAsync(async () => (notice = Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{tokens[2]}")).GetProperty("notices")
            .EnumerateArray())).GetProperty("status").GetString() == "published");
        Assert.Equal(("decision", "沪工商联〔2026〕12号", "上海市工商业联合会"),
            (notice.GetProperty("kind").GetString(), notice.GetProperty("number").GetString(), notice.GetProperty("issuer").GetString()));
        var download = await portal.GetAsync($"/api/portal/{tokens[2]}/notices/{notice.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(NoticeDocument.ContentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("静安区服装商会、黄浦区温州商会", NoticeDocument.Paragraphs(await download.Content.ReadAsByteArrayAsync()));
        // A chamber outside the campaign neither sees nor downloads it.
        var stranger = await PortalTokenAsync(outsider);
        Assert.Empty((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{stranger}")).GetProperty("notices").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/api/portal/{stranger}/notices/{notice.GetProperty("id").GetString()}")).StatusCode);

        var followed = Assert.Single((await leader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/notices")).EnumerateArray());
        Assert.Equal(("published", 1), (followed.GetProperty("status").GetString(), followed.GetProperty("objections").GetInt32()));
        var journal = await Admin.GetStringAsync($"/api/workflow-instances/{Chamber.Campaigns.Lifecycle.CampaignService.CampaignInstanceId(campaign)}/journal");
        Assert.Contains("已印发《关于表彰2026年度“四好”商会的决定》", System.Text.RegularExpressions.Regex.Unescape(journal), StringComparison.Ordinal);
    }

}

public sealed class SqliteCampaignNoticeTests() : CampaignNoticeTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignNoticeTests() : CampaignNoticeTests(StorageProvider.Postgres);
