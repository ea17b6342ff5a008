using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Chamber.Host.Tests.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Submissions;

/// <summary>
/// A chamber asked for its implementation plan by 30 April 2026, on the manual clock: the e-mail
/// with its personal link, reminders on working days before the deadline, the portal, staff
/// returning and accepting, and chasing with escalation when nothing comes.
/// </summary>
public abstract partial class SubmissionTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Start = "2026-04-01T01:00:00Z"; // 9:00 in Beijing, Wednesday 1 April

    private string _chamberId = "";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = Start,
        ["Portal:BaseUrl"] = "https://fic.example",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync("staff@fic.example", "staff");
        _chamberId = (await ImportChambersAsync("名称,邮箱\n鹿城区五马街道商会,wuma@chamber.example\n"))[0];
    }

    private string Plan(string due = "2026-04-30", string reviewers = "role:staff") => """
        {"definitionId":"plan","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"ask","type":"Chamber.RequestSubmission",
           "title":{"typeName":"String","expression":{"type":"Literal","value":"实施方案"}},
           "campaignName":{"typeName":"String","expression":{"type":"Literal","value":"2026年度“四好”商会创建活动"}},
           "chamber":{"typeName":"String","expression":{"type":"Literal","value":"CHAMBER"}},
           "dueDate":{"typeName":"String","expression":{"type":"Literal","value":"DUE"}},
           "escalateTo":{"typeName":"Object","expression":{"type":"Literal","value":"leader1@fic.example"}},
           "reviewers":{"typeName":"Object","expression":{"type":"Literal","value":"REVIEWERS"}}},
          {"id":"done","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"accepted"}}}],
         "connections":[{"source":{"activity":"ask","port":"Accepted"},"target":{"activity":"done","port":"In"}}]}}
        """.Replace("CHAMBER", _chamberId, StringComparison.Ordinal).Replace("DUE", due, StringComparison.Ordinal).Replace("REVIEWERS", reviewers, StringComparison.Ordinal);

    private async Task<string> StartAsync(string due = "2026-04-30", string reviewers = "role:staff")
    {
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsync("/api/workflow-definitions/import",
            new StringContent(Plan(due, reviewers), Encoding.UTF8, "application/json"))).StatusCode);
        var started = await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "plan" });
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Suspended", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>Outbox messages as (Beijing date the step asked for it, summary), oldest first.</summary>
    private async Task<List<(DateOnly Day, string Summary)>> MailAsync()
    {
        var page = await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?pageSize=500");
        return [.. page.GetProperty("items").EnumerateArray()
            .Select(m => (DateOnly.FromDateTime(m.GetProperty("createdAt").GetDateTime().AddHours(8)), m.GetProperty("summary").GetString()!))
            .OrderBy(m => m.Item1)];
    }

    private async Task<DateOnly> AddWorkingDaysAsync(string date, int days) =>
        DateOnly.Parse((await Admin.GetFromJsonAsync<JsonElement>($"/api/calendars/cn/add-working-days?date={date}&days={days}")).GetProperty("date").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fresh portal token for the chamber, as staff hand out links.</summary>
    private async Task<string> TokenAsync() =>
        (await (await Admin.PostAsync($"/api/chambers/{_chamberId}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("link").GetString()!.Split("/portal/")[1];

    private async Task<bool> IsWorkingDayAsync(DateOnly day) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/calendars/cn/days/{day:yyyy-MM-dd}")).GetProperty("working").GetBoolean();

    [Fact]
    public async Task A_chamber_is_mailed_its_link_reminded_on_working_days_and_its_returned_plan_loops_until_accepted()
    {
        var instance = await StartAsync();
        var request = Assert.Single(await MailAsync());
        Assert.Contains("wuma@chamber.example", request.Summary, StringComparison.Ordinal);
        Assert.Contains("4月30日", request.Summary, StringComparison.Ordinal);

        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = "2026-04-30T12:00:00Z" });
        var reminders = (await MailAsync()).Where(m => m.Summary.Contains("【提醒】", StringComparison.Ordinal)).Select(m => m.Day).ToList();
        Assert.Equal([await AddWorkingDaysAsync("2026-04-30", -7), await AddWorkingDaysAsync("2026-04-30", -3), new DateOnly(2026, 4, 29)], reminders);
        foreach (var day in reminders)
            Assert.True(await IsWorkingDayAsync(day), $"A reminder went out on {day}, a day off.");

        // The chamber opens the link from the e-mail it received.
        var link = await LinkFromDeliveredMailAsync();
        Assert.StartsWith("https://fic.example/portal/", link, StringComparison.Ordinal);
        var token = link["https://fic.example/portal/".Length..];
        using var chamber = Host.CreateClient();
        var portal = await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}");
        Assert.Equal("鹿城区五马街道商会", portal.GetProperty("chamber").GetString());
        var item = Assert.Single(portal.GetProperty("items").EnumerateArray());
        Assert.Equal("实施方案", item.GetProperty("title").GetString());
        var itemId = item.GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitAsync(chamber, token, itemId, "setup.exe", Encoding.ASCII.GetBytes("MZ\u0090\0"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitAsync(chamber, token, itemId, "plan.pdf", Encoding.ASCII.GetBytes("MZ fake pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(chamber, token, itemId, "实施方案.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 plan"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(chamber, token, itemId, "again.pdf", Encoding.ASCII.GetBytes("%PDF-1.4"))).StatusCode);
        Assert.Empty((await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items").EnumerateArray());

        // Staff return it with a comment; the chamber gets a new item with the feedback and a new deadline.
        using var staff = await SignInAsync("staff@fic.example");
        var check = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        Assert.Equal("CheckSubmission", check.GetProperty("task").GetProperty("kind").GetString());
        Assert.Contains("实施方案.pdf", check.GetProperty("task").GetProperty("context").GetProperty("files").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/tasks/{check.GetProperty("id").GetString()}/complete",
            new { action = "return", comment = "请补充季度推进会安排" })).StatusCode);
        var again = Assert.Single((await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items").EnumerateArray());
        Assert.Equal((2, "请补充季度推进会安排"), (again.GetProperty("round").GetInt32(), again.GetProperty("feedback").GetString()));
        Assert.Contains(await MailAsync(), m => m.Summary.Contains("【退回】", StringComparison.Ordinal));

        await SubmitAsync(chamber, token, again.GetProperty("id").GetString()!, "实施方案-修改稿.docx", Encoding.ASCII.GetBytes("PK\u0003\u0004docx"));
        var recheck = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        await staff.PostAsJsonAsync($"/api/tasks/{recheck.GetProperty("id").GetString()}/complete", new { action = "accept" });
        var finished = await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}");
        Assert.Equal("Finished", finished.GetProperty("status").GetString());
        Assert.Contains("accepted", await Admin.GetStringAsync($"/api/workflow-instances/{instance}/journal"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-04-30")] // returned on 1 April: still due on 30 April, not on 9 April
    [InlineData("2026-04-02")] // returned the day before it was due: five working days from the return
    public async Task A_returned_submission_is_due_again_no_earlier_than_its_first_deadline(string due)
    {
        await StartAsync(due);
        var token = await TokenAsync();
        using var chamber = Host.CreateClient();
        var item = Assert.Single((await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(chamber, token, item.GetProperty("id").GetString()!, "实施方案.pdf", Encoding.ASCII.GetBytes("%PDF-1.4"))).StatusCode);

        using var staff = await SignInAsync("staff@fic.example");
        var check = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/tasks/{check.GetProperty("id").GetString()}/complete",
            new { action = "return", comment = "请补充经费安排" })).StatusCode);

        var again = Assert.Single((await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items").EnumerateArray());
        var firstDue = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        var fiveWorkingDaysOn = await AddWorkingDaysAsync("2026-04-01", 5);
        var expected = firstDue > fiveWorkingDaysOn ? firstDue : fiveWorkingDaysOn;
        Assert.Equal(new DateTimeOffset(expected.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8)), again.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Whoever_checks_a_submission_opens_its_files_and_nobody_without_a_task_in_it_can()
    {
        await CreateUserAsync("checker@fic.example", "reviewer");
        await CreateUserAsync("stranger@fic.example", "reviewer");
        await StartAsync(reviewers: "checker@fic.example");
        var token = await TokenAsync();
        using var chamber = Host.CreateClient();
        var item = Assert.Single((await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items").EnumerateArray());
        var content = Encoding.ASCII.GetBytes("%PDF-1.4 the plan");
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(chamber, token, item.GetProperty("id").GetString()!, "实施方案.pdf", content)).StatusCode);

        using var checker = await SignInAsync("checker@fic.example");
        var check = Assert.Single((await checker.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
        var checkId = check.GetProperty("id").GetString();
        var file = Assert.Single((await checker.GetFromJsonAsync<JsonElement>($"/api/tasks/{checkId}/files")).EnumerateArray());
        Assert.Equal("实施方案.pdf", file.GetProperty("fileName").GetString());
        var fileUrl = $"/api/submissions/files/{file.GetProperty("id").GetString()}";
        Assert.Equal(content, await checker.GetByteArrayAsync(fileUrl));

        using var stranger = await SignInAsync("stranger@fic.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/tasks/{checkId}/files")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(fileUrl)).StatusCode);
        using var staff = await SignInAsync("staff@fic.example");
        Assert.Equal(content, await staff.GetByteArrayAsync(fileUrl));

        // Once answered, the checker can still open what they accepted.
        Assert.Equal(HttpStatusCode.OK, (await checker.PostAsJsonAsync($"/api/tasks/{checkId}/complete", new { action = "accept" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await checker.GetAsync($"/api/tasks/{checkId}/files")).StatusCode);
        Assert.Equal(content, await checker.GetByteArrayAsync(fileUrl));
    }

    [Fact]
    public async Task The_portal_keeps_a_receipt_of_each_submission_and_shows_what_became_of_it()
    {
        await StartAsync();
        var token = await TokenAsync();
        using var chamber = Host.CreateClient();
        async Task<JsonElement> PortalAsync() => await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}");
        Assert.Empty((await PortalAsync()).GetProperty("sent").EnumerateArray());

        var item = Assert.Single((await PortalAsync()).GetProperty("items").EnumerateArray());
        // Time left in working days, as the e-mails count it (after today, up to and including 30 April).
        var workingDays = 0;
        for (var day = new DateOnly(2026, 4, 2); day <= new DateOnly(2026, 4, 30); day = day.AddDays(1))
            workingDays += await IsWorkingDayAsync(day) ? 1 : 0;
        Assert.Equal(workingDays, item.GetProperty("workingDaysLeft").GetInt32());
        await SubmitAsync(chamber, token, item.GetProperty("id").GetString()!, "实施方案.pdf", Encoding.ASCII.GetBytes("%PDF-1.4"));
        var sent = Assert.Single((await PortalAsync()).GetProperty("sent").EnumerateArray());
        Assert.Equal(("实施方案", 1, "submitted", "请审阅"), (sent.GetProperty("title").GetString(), sent.GetProperty("round").GetInt32(),
            sent.GetProperty("status").GetString(), sent.GetProperty("note").GetString()));
        Assert.Equal(["实施方案.pdf"], sent.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero), sent.GetProperty("submittedAt").GetDateTimeOffset());

        using var staff = await SignInAsync("staff@fic.example");
        async Task AnswerAsync(object answer)
        {
            var check = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray());
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/tasks/{check.GetProperty("id").GetString()}/complete", answer)).StatusCode);
        }

        await AnswerAsync(new { action = "return", comment = "请补充经费安排" });
        var returned = Assert.Single((await PortalAsync()).GetProperty("sent").EnumerateArray());
        Assert.Equal(("returned", "请补充经费安排"), (returned.GetProperty("status").GetString(), returned.GetProperty("feedback").GetString()));

        var again = Assert.Single((await PortalAsync()).GetProperty("items").EnumerateArray());
        await SubmitAsync(chamber, token, again.GetProperty("id").GetString()!, "实施方案-修改稿.docx", Encoding.ASCII.GetBytes("PK\u0003\u0004docx"));
        await AnswerAsync(new { action = "accept" });
        var receipts = (await PortalAsync()).GetProperty("sent").EnumerateArray().ToList();
        Assert.Equal([(2, "accepted", "实施方案-修改稿.docx"), (1, "returned", "实施方案.pdf")],
            receipts.Select(r => (r.GetProperty("round").GetInt32(), r.GetProperty("status").GetString(), r.GetProperty("files")[0].GetString())));
    }

    [Fact]
    public async Task The_reminder_timer_moves_on_in_its_row_shows_its_next_time_and_cannot_be_resumed_by_hand()
    {
        var id = await StartAsync();
        async Task<JsonElement> ReminderAsync() => (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}"))
            .GetProperty("bookmarks").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "Chamber.SubmissionReminder");
        var first = await ReminderAsync();
        var firstDue = await AddWorkingDaysAsync("2026-04-30", -7);
        Assert.Equal(new DateTimeOffset(firstDue.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), first.GetProperty("dueAt").GetDateTimeOffset());

        var resumed = await Admin.PostAsJsonAsync($"/api/bookmarks/{first.GetProperty("id").GetString()}/resume", new { });
        Assert.Equal(HttpStatusCode.Conflict, resumed.StatusCode);
        Assert.Contains("自动提醒", (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Suspended", (await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}")).GetProperty("status").GetString());
        Assert.DoesNotContain(await MailAsync(), m => m.Summary.Contains("【提醒】", StringComparison.Ordinal));

        // The first reminder goes out; the same timer now shows the second one, three working days before.
        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = $"{firstDue:yyyy-MM-dd}T02:00:00Z" });
        Assert.Single(await MailAsync(), m => m.Summary.Contains("【提醒】", StringComparison.Ordinal));
        var second = await ReminderAsync();
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        var secondDue = await AddWorkingDaysAsync("2026-04-30", -3);
        Assert.Equal(new DateTimeOffset(secondDue.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), second.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_reminder_whose_next_one_falls_in_a_year_without_calendar_goes_out_once_and_the_next_is_tried_again_later()
    {
        // Due 30 December 2026: the chases after it fall in 2027, which the shipped calendar does not have yet.
        var id = await StartAsync("2026-12-30");
        var lastBefore = await AddWorkingDaysAsync("2026-12-30", -1);
        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = $"{lastBefore:yyyy-MM-dd}T02:00:00Z" });

        Assert.Equal(3, (await MailAsync()).Count(m => m.Summary.Contains("【提醒】", StringComparison.Ordinal))); // retried every 10 minutes, sent once
        var instance = await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}");
        Assert.Equal("Suspended", instance.GetProperty("status").GetString());
        var retry = instance.GetProperty("bookmarks").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "Chamber.SubmissionReminder")
            .GetProperty("dueAt").GetDateTimeOffset();
        var now = new DateTimeOffset(lastBefore.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        Assert.InRange(retry, now.AddTicks(1), now.AddMinutes(10));
    }

    [Fact]
    public async Task Nothing_submitted_is_chased_three_times_and_the_leader_told_by_name_in_the_digest_of_the_second_chase()
    {
        await CreateUserAsync("leader1@fic.example", "leader", "王主席");
        await StartAsync();
        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = "2026-06-30T12:00:00Z" });
        var mail = await MailAsync();
        var chases = mail.Where(m => m.Summary.Contains("【催办】", StringComparison.Ordinal)).Select(m => m.Day).ToList();
        // Every two working days after the May Day break, and no more than three times.
        Assert.Equal([await AddWorkingDaysAsync("2026-04-30", 2), await AddWorkingDaysAsync("2026-04-30", 4), await AddWorkingDaysAsync("2026-04-30", 6)], chases);
        var digest = Assert.Single(mail, m => m.Summary.Contains("【督办】", StringComparison.Ordinal));
        Assert.StartsWith("leader1@fic.example · 【督办】1项事项逾期未办", digest.Summary, StringComparison.Ordinal);
        Assert.Equal(chases[1], digest.Day);

        var text = await PickupMail.WaitForAsync(Host.PickupDirectory, t => t.Contains("请督办", StringComparison.Ordinal));
        Assert.Contains("王主席：", text, StringComparison.Ordinal);
        Assert.DoesNotContain("领导：", text, StringComparison.Ordinal);
        Assert.Contains("鹿城区五马街道商会未提交“实施方案”（2026年4月30日截止，已逾期 4 个工作日）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_stopped_after_its_escalation_and_before_the_digest_is_not_put_before_the_leader()
    {
        await CreateUserAsync("leader1@fic.example", "leader", "王主席");
        var id = await StartAsync();
        var secondChase = await AddWorkingDaysAsync("2026-04-30", 4);
        // 09:10 in Beijing: the second chase has gone and the leader's escalation waits for the 09:30 digest.
        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = $"{secondChase:yyyy-MM-dd}T01:10:00Z" });
        Assert.Equal(2, (await MailAsync()).Count(m => m.Summary.Contains("【催办】", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/workflow-instances/{id}/cancel", null)).StatusCode);
        await Admin.PostAsJsonAsync("/api/clock/advance", new { to = $"{secondChase:yyyy-MM-dd}T02:00:00Z" });

        Assert.DoesNotContain(await MailAsync(), m => m.Summary.Contains("【督办】", StringComparison.Ordinal));
        var escalations = (await Admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=Chamber.Escalation&pageSize=50")).GetProperty("items");
        Assert.Equal("Sent", Assert.Single(escalations.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submissions_of_one_item_sent_at_once_are_taken_once_and_keep_only_the_files_of_the_one_taken()
    {
        await StartAsync();
        var token = await TokenAsync();
        using var chamber = Host.CreateClient();
        var itemId = (await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items")[0].GetProperty("id").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            SubmitAsync(Host.CreateClient(), token, itemId, $"方案{i}.pdf", Encoding.ASCII.GetBytes($"%PDF-1.4 plan {i}"))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.True(a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound, a.StatusCode.ToString()));
        var factory = Host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Chamber.Campaigns.Persistence.CampaignDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SubmissionFiles));
    }

    [Fact]
    public async Task A_forged_expired_revoked_or_other_chambers_link_opens_nothing_and_changes_nothing()
    {
        await StartAsync();
        using var chamber = Host.CreateClient();
        var token = await TokenAsync();
        var itemId = (await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items")[0].GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await chamber.GetAsync($"/api/portal/{token[..^4]}abcd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(chamber, "forged-token", itemId, "a.pdf", Encoding.ASCII.GetBytes("%PDF"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(chamber, token, "someone-elses-item", "a.pdf", Encoding.ASCII.GetBytes("%PDF"))).StatusCode);

        await Admin.PostAsJsonAsync("/api/clock/advance", new { by = "P61D" });
        Assert.Equal(HttpStatusCode.Forbidden, (await chamber.GetAsync($"/api/portal/{token}")).StatusCode);

        var fresh = (await (await Admin.PostAsync($"/api/chambers/{_chamberId}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("link").GetString()!.Split("/portal/")[1];
        Assert.Equal(HttpStatusCode.OK, (await chamber.GetAsync($"/api/portal/{fresh}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsync($"/api/chambers/{_chamberId}/portal-link/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chamber.GetAsync($"/api/portal/{fresh}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(chamber, fresh, itemId, "a.pdf", Encoding.ASCII.GetBytes("%PDF"))).StatusCode);

        var stillOpen = (await (await Admin.PostAsync($"/api/chambers/{_chamberId}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("link").GetString()!.Split("/portal/")[1];
        Assert.Single((await chamber.GetFromJsonAsync<JsonElement>($"/api/portal/{stillOpen}")).GetProperty("items").EnumerateArray());
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string token, string itemId, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "files", fileName);
        form.Add(new StringContent("请审阅"), "comment");
        return await client.PostAsync($"/api/portal/{token}/items/{itemId}/submit", form);
    }

    /// <summary>The portal link in the newest delivered e-mail that has one.</summary>
    private async Task<string> LinkFromDeliveredMailAsync() =>
        PortalLink().Match(await PickupMail.WaitForAsync(Host.PickupDirectory, text => PortalLink().IsMatch(text))).Value;

    [GeneratedRegex(@"https://fic\.example/portal/[A-Za-z0-9_-]+")]
    private static partial Regex PortalLink();
}

public sealed class SqliteSubmissionTests() : SubmissionTests(StorageProvider.Sqlite);

public sealed class PostgresSubmissionTests() : SubmissionTests(StorageProvider.Postgres);
