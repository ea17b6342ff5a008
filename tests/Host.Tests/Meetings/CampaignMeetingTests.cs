using Chamber.Campaigns.Lifecycle;
using Chamber.Host.Tests.Campaigns;
using MimeKit;

namespace Chamber.Host.Tests.Meetings;

/// <summary>
/// A meeting held once for the whole Four-Good campaign (the second quarter's 推进会): every
/// chamber is invited in its language with an .ics of its own, replies (回执) from its portal until
/// the reply date, the meeting can be moved until it begins, and after it staff tick one sign-in
/// sheet (by hand, in bulk, from the meeting's sign-in list) and finish it with the minutes.
/// </summary>
public abstract class CampaignMeetingTests(StorageProvider provider) : CampaignHostTestBase(provider)
{

    private const string Meeting = "第二季度“四好”商会创建工作推进会";

    [Fact]
    public async Task Every_chamber_is_invited_replies_from_its_portal_and_is_signed_in_on_one_sheet()
    {
        await CreateUserAsync("staff@fic.example", "staff");
        await CreateUserAsync("leader@fic.example", "leader");
        using var staff = await SignInAsync("staff@fic.example");
        using var leader = await SignInAsync("leader@fic.example");
        using var portal = Host.CreateClient();
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱,邮件语言
            黄浦区温州商会,异地商会,hp@chamber.example,中文
            静安区服装商会,行业商会,ja@chamber.example,中文
            Shanghai Taiwan Chamber,异地商会,tw@chamber.example,en
            """);
        var (huangpu, jingan, taiwan) = (ids[0], ids[1], ids[2]);
        var campaign = await LaunchAsync(ids);

        // Planned at launch; the invitations go out ten working days before the meeting, and only then does the portal show it.
        var planned = await MeetingAsync(staff, campaign);
        Assert.Equal("planned", planned.GetProperty("status").GetString());
        var noticeAt = planned.GetProperty("noticeAt").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 1, 0, 0, TimeSpan.Zero), noticeAt); // 09:00 Beijing; the Dragon Boat holiday (19–21 June) is not counted
        Assert.Empty((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{await PortalTokenAsync(huangpu)}")).GetProperty("meetings").EnumerateArray());
        await AdvanceAsync(noticeAt.AddMinutes(1).ToString("O"));

        // One invitation per chamber, each in its language, each with an .ics naming only that chamber.
        var invitations = await MailsAsync(3, "REQUEST");
        var english = Assert.Single(invitations, m => m.To.Mailboxes.Single().Address == "tw@chamber.example");
        Assert.Contains("Please reply by 22 Jun 2026", english.TextBody, StringComparison.Ordinal);
        var chinese = invitations.Single(m => m.To.Mailboxes.Single().Address == "hp@chamber.example");
        Assert.Contains("请于2026年6月22日前通过专属链接填报回执", chinese.TextBody, StringComparison.Ordinal);
        var invite = Ical.Net.Calendar.Load(Ics(chinese))!.Events.Single();
        Assert.Equal("mailto:hp@chamber.example", Assert.Single(invite.Attendees).Value!.ToString());
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20260625T143000", Ics(chinese), StringComparison.Ordinal);
        Assert.Single(invitations.Select(m => Ical.Net.Calendar.Load(Ics(m))!.Events.Single().Uid).Distinct());

        var meeting = await MeetingAsync(staff, campaign);
        var id = meeting.GetProperty("id").GetString()!;
        Assert.Equal(("scheduled", 3, "2026-06-22"), (meeting.GetProperty("status").GetString(), meeting.GetProperty("invited").GetInt32(),
            meeting.GetProperty("replyDue").GetString()));

        // 回执 from the portal: attending needs who comes; a meeting of no campaign of the chamber's is not found.
        var hp = await PortalTokenAsync(huangpu);
        var shown = Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{hp}")).GetProperty("meetings").EnumerateArray(),
            m => m.GetProperty("id").GetString() == id);
        Assert.True(shown.GetProperty("canReply").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.PutAsJsonAsync($"/api/portal/{hp}/meetings/{id}/reply", new { reply = "attending" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.PutAsJsonAsync($"/api/portal/{hp}/meetings/{id}/reply", new { reply = "maybe" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.PutAsJsonAsync($"/api/portal/{hp}/meetings/nope/reply", new { reply = "declined" })).StatusCode);
        var replied = await portal.PutAsJsonAsync($"/api/portal/{hp}/meetings/{id}/reply", new { reply = "attending", attendees = "张三（会长）、李四（秘书长）" });
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal("attending", (await replied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString());
        Assert.Equal(HttpStatusCode.OK, (await portal.PutAsJsonAsync($"/api/portal/{await PortalTokenAsync(jingan)}/meetings/{id}/reply",
            new { reply = "declined", note = "会长出差" })).StatusCode);

        // Staff move it before it begins: everyone gets the update of the same invitation, replies stay, the reply date follows.
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/move", new { date = "2026-02-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/move", new { date = "2026-06-26" })).StatusCode);
        var moved = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/move", new { date = "2026-06-26", time = "09:30", location = "市工商联二楼会议室" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2026-06-23", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyDue").GetString());
        var updates = await MailsAsync(3, "REQUEST", "20260626T093000");
        Assert.All(updates, m => Assert.Equal(1, Ical.Net.Calendar.Load(Ics(m))!.Events.Single().Sequence));
        Assert.Equal(invite.Uid, Ical.Net.Calendar.Load(Ics(updates[0]))!.Events.Single().Uid);

        // Past the reply date the portal refuses; before the meeting begins nobody can be signed in.
        await AdvanceAsync("2026-06-24T01:00:00Z");
        var late = await portal.PutAsJsonAsync($"/api/portal/{await PortalTokenAsync(taiwan)}/meetings/{id}/reply", new { reply = "declined" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("回执已于2026年6月23日截止", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/sign-in",
            new { chamberIds = new[] { huangpu }, attended = true })).StatusCode);

        // Over: staff get the sheet task; the sheet shows the replies and filters them.
        await AdvanceAsync("2026-06-26T04:00:00Z");
        await CampaignDriver.WaitAsync(async () => (await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray()
            .Any(t => t.GetProperty("task").GetProperty("kind").GetString() == "MeetingSheet"));
        var attending = await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/meetings/{id}/sheet?reply=attending");
        var row = Assert.Single(attending.GetProperty("items").EnumerateArray());
        Assert.Equal(("黄浦区温州商会", "张三（会长）、李四（秘书长）"), (row.GetProperty("chamber").GetString(), row.GetProperty("attendees").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/campaigns/{campaign}/meetings/{id}/sheet?reply=perhaps")).StatusCode);

        // Ticks: a stranger is refused whole; the sign-in list signs in by name and reports lines it cannot match.
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/sign-in",
            new { chamberIds = new[] { huangpu, "not-a-participant" }, attended = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/sign-in",
            new { chamberIds = new[] { huangpu }, attended = true })).StatusCode);
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("单位,签名\n黄浦区温州商会,张三\nShanghai Taiwan Chamber,Lin\n浦东新区某商会,王五\n")), "file", "签到表.csv");
            var imported = await staff.PostAsync($"/api/campaigns/{campaign}/meetings/{id}/sign-in/import", form);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(2, result.GetProperty("signed").GetInt32());
            Assert.Equal(["单位", "浦东新区某商会"], result.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()));
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/sign-in",
            new { chamberIds = new[] { jingan }, attended = false })).StatusCode);

        // Finished with the minutes: the counts are kept and the sheet closes.
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/complete", new { minutes = " " })).StatusCode);
        var done = await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/complete", new { minutes = "各商会交流了创建进展；下季度重点：规范财务管理。" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var recorded = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("recorded", 1, 1, 2, 1), (recorded.GetProperty("status").GetString(), recorded.GetProperty("attending").GetInt32(),
            recorded.GetProperty("declined").GetInt32(), recorded.GetProperty("attended").GetInt32(), recorded.GetProperty("absent").GetInt32()));
        Assert.Equal("staff@fic.example", recorded.GetProperty("recordedBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/complete", new { minutes = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{id}/sign-in",
            new { chamberIds = new[] { jingan }, attended = true })).StatusCode);
        var journal = await Admin.GetStringAsync($"/api/workflow-instances/{CampaignService.CampaignInstanceId(campaign)}/journal");
        Assert.Contains("应到 3，回执参加 1，实到 2，缺席 1", journal, StringComparison.Ordinal);

        // The next quarter's meeting follows.
        await CampaignDriver.WaitAsync(async () => (await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/meetings")).GetArrayLength() == 2);
    }

    [Fact]
    public async Task A_campaign_stopped_before_its_meeting_calls_it_off_for_everyone()
    {
        using var portal = Host.CreateClient();
        var ids = await ImportChambersAsync("""
            名称,类型,邮箱
            黄浦区温州商会,异地商会,hp@chamber.example
            静安区服装商会,行业商会,ja@chamber.example
            """);
        // A campaign stopped before its meeting's invitations went out calls it off without a word to anyone.
        var quiet = await LaunchAsync(ids);
        Assert.Equal("planned", (await MeetingAsync(Admin, quiet)).GetProperty("status").GetString());
        // The meeting is written by the step, the instance at the step's commit just after.
        await CampaignDriver.WaitAsync(async () => (await Admin.GetAsync($"/api/workflow-instances/{CampaignService.CampaignInstanceId(quiet)}")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/workflow-instances/{CampaignService.CampaignInstanceId(quiet)}/cancel", null)).StatusCode);
        await CampaignDriver.WaitAsync(async () => (await MeetingAsync(Admin, quiet)).GetProperty("status").GetString() == "cancelled");

        var campaign = await LaunchAsync(ids);
        await AdvanceAsync((await MeetingAsync(Admin, campaign)).GetProperty("noticeAt").GetDateTimeOffset().AddMinutes(1).ToString("O"));
        var invitation = Ical.Net.Calendar.Load(Ics((await MailsAsync(2, "REQUEST"))[0]))!.Events.Single();

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/workflow-instances/{CampaignService.CampaignInstanceId(campaign)}/cancel", null)).StatusCode);

        var cancellations = await MailsAsync(2, "CANCEL");
        var withdrawn = Ical.Net.Calendar.Load(Ics(cancellations[0]))!.Events.Single();
        Assert.Equal((invitation.Uid, "CANCELLED"), (withdrawn.Uid, withdrawn.Status));
        Assert.True(withdrawn.Sequence > invitation.Sequence);
        var meeting = await MeetingAsync(Admin, campaign);
        Assert.Equal("cancelled", meeting.GetProperty("status").GetString());
        Assert.Empty((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{await PortalTokenAsync(ids[0])}")).GetProperty("meetings").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsJsonAsync($"/api/campaigns/{campaign}/meetings/{meeting.GetProperty("id").GetString()}/move",
            new { date = "2026-06-30" })).StatusCode);

        // Only the invited campaign's participants were told.
        await Task.Delay(500);
        await MailsAsync(2, "CANCEL");
    }

    [Fact]
    public async Task A_district_meeting_invites_and_lists_only_that_districts_participants()
    {
        using var portal = Host.CreateClient();
        var ids = await ImportChambersAsync("""
            名称,类型,所属区,邮箱
            五马街道商会,乡镇街道商会,鹿城区,wuma@chamber.example
            南汇街道商会,乡镇街道商会,鹿城区,nanhui@chamber.example
            永中街道商会,乡镇街道商会,龙湾区,yongzhong@chamber.example
            """);
        // The chambers' part, and beside it (no connections: both start) the 鹿城区 federation's own meeting, its invitations due at once.
        const string Template = """
            {"definitionId":"district-meeting","name":"鹿城区推进会","isPublished":true,"customProperties":{"rubric":"four-good"},
             "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
               {"id":"participants","type":"Chamber.ForEachParticipant",
                "workflowDefinitionId":{"typeName":"String","expression":{"type":"Literal","value":"four-good-chamber"}},
                "untilStage":{"typeName":"String","expression":{"type":"Literal","value":"review"}}},
               {"id":"meeting","type":"Chamber.CampaignMeeting",
                "title":{"typeName":"String","expression":{"type":"Literal","value":"鹿城区第二季度推进会"}},
                "meetingDate":{"typeName":"String","expression":{"type":"Literal","value":"2026-04-08"}},
                "location":{"typeName":"String","expression":{"type":"Literal","value":"鹿城区工商联会议室"}},
                "district":{"typeName":"String","expression":{"type":"Literal","value":"鹿城区"}}}],
             "connections":[]}}
            """;
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(Template, Encoding.UTF8, "application/json"))).StatusCode);
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "鹿城区“四好”商会推进", year = 2026, templateId = "district-meeting", participantIds = ids });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{campaign}/launch", null)).StatusCode);

        var invitations = await MailsAsync(2, "REQUEST");
        Assert.Equal(["nanhui@chamber.example", "wuma@chamber.example"], invitations.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        JsonElement meeting = default;
        await CampaignDriver.WaitAsync(async () => (meeting = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/meetings")).EnumerateArray().FirstOrDefault())
            .ValueKind == JsonValueKind.Object);
        Assert.Equal(("鹿城区", 2), (meeting.GetProperty("district").GetString(), meeting.GetProperty("invited").GetInt32()));
        var id = meeting.GetProperty("id").GetString()!;
        var sheet = await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/meetings/{id}/sheet");
        Assert.Equal(["五马街道商会", "南汇街道商会"], sheet.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("chamber").GetString()).Order(StringComparer.Ordinal));

        // The 龙湾区 chamber neither sees it nor can reply to it.
        var yongzhong = await PortalTokenAsync(ids[2]);
        Assert.Empty((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{yongzhong}")).GetProperty("meetings").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await portal.PutAsJsonAsync($"/api/portal/{yongzhong}/meetings/{id}/reply", new { reply = "declined" })).StatusCode);
        Assert.Single((await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{await PortalTokenAsync(ids[0])}")).GetProperty("meetings").EnumerateArray());
    }

    private async Task<string> LaunchAsync(IReadOnlyList<string> ids)
    {
        var created = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = ids });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);
        return id;
    }

    private static async Task<JsonElement> MeetingAsync(HttpClient user, string campaign)
    {
        JsonElement meeting = default;
        await CampaignDriver.WaitAsync(async () => (await user.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/meetings")).EnumerateArray()
            .Where(m => m.GetProperty("title").GetString() == Meeting).ToList() is [var found] && (meeting = found).ValueKind == JsonValueKind.Object);
        return meeting;
    }

    private async Task AdvanceAsync(string to) =>
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync("/api/clock/advance", new { to })).StatusCode);

    /// <summary>The delivered meeting e-mails whose calendar has this method (and, when given, this text), once there are <paramref name="count"/>.</summary>
    private async Task<List<MimeMessage>> MailsAsync(int count, string method, string? containing = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var files = Directory.Exists(Host.PickupDirectory) ? Directory.GetFiles(Host.PickupDirectory, "*.eml") : [];
            var found = files.Select(f => MimeMessage.Load(f)).Where(m => m.Attachments.OfType<MimePart>().Any(a => a.ContentType.MimeType == "text/calendar"
                && a.ContentType.Parameters["method"] == method && (containing is null || Ics(m).Contains(containing, StringComparison.Ordinal)))).ToList();
            if (found.Count >= count)
            {
                Assert.Equal(count, found.Count);
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{found.Count} of {count} calendar e-mails with METHOD:{method} delivered within 30 s.");
            await Task.Delay(200);
        }
    }

    private static string Ics(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return Encoding.UTF8.GetString(content.ToArray());
    }
}

public sealed class SqliteCampaignMeetingTests() : CampaignMeetingTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignMeetingTests() : CampaignMeetingTests(StorageProvider.Postgres);
