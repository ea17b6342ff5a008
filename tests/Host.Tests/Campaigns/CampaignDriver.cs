namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// Plays the people of a campaign through the HTTP API: chambers submitting through their portal
/// links, staff checking submissions and recording meetings, reviewers scoring, the clock moving.
/// </summary>
internal sealed class CampaignDriver(HttpClient admin, HttpClient staff, HttpClient reviewer, HttpClient portal)
{
    public async Task<string> CreateAndLaunchAsync(object campaign)
    {
        var created = await admin.PostAsJsonAsync("/api/campaigns", campaign);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/campaigns/{id}/launch", null)).StatusCode);
        return id;
    }

    public Task<JsonElement> CampaignAsync(string id) => admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");

    public async Task<Dictionary<string, JsonElement>> ParticipantsAsync(string id) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/participants?pageSize=500")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("chamber").GetString()!);

    public async Task AdvanceAsync(string to) =>
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/clock/advance", new { to })).StatusCode);

    /// <summary>The chamber's open portal items, by title.</summary>
    public async Task<List<string>> OpenItemsAsync(string token) =>
        [.. (await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];

    public async Task SubmitAsync(string token, string title)
    {
        var item = (await portal.GetFromJsonAsync<JsonElement>($"/api/portal/{token}")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == title);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 " + title)), "files", title + ".pdf");
        var response = await portal.PostAsync($"/api/portal/{token}/items/{item.GetProperty("id").GetString()}/submit", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Staff answer every submission waiting for them: accept, or return the named chamber's.</summary>
    public async Task CheckAllAsync(string? returnChamber = null)
    {
        foreach (var task in await TasksAsync(staff, "CheckSubmission"))
        {
            var chamber = task.GetProperty("task").GetProperty("context").GetProperty("chamber").GetString();
            var answer = chamber == returnChamber ? (object)new { action = "return", comment = "请补充季度推进会安排" } : new { action = "accept" };
            await CompleteAsync(staff, task, answer);
        }
    }

    /// <summary>Staff record every chamber's attendance at the meetings that are over, with the minutes.</summary>
    public async Task<int> RecordMeetingsAsync()
    {
        var tasks = await TasksAsync(staff, "MeetingRecord");
        foreach (var task in tasks)
            await CompleteAsync(staff, task, new { action = "attended", comment = "汇报规范化建设进展" });
        return tasks.Count;
    }

    /// <summary>
    /// Staff keep the sign-in sheet of every meeting of the campaign that is over: all participants
    /// that replied attending are ticked present, then the minutes are written. Returns how many meetings were recorded.
    /// </summary>
    public async Task<int> RecordCampaignMeetingsAsync(string campaignId, string minutes = "各商会交流了工作进展")
    {
        var recorded = 0;
        await WaitAsync(async () => (await TasksAsync(staff, "MeetingSheet")).Count > 0);
        foreach (var meeting in (await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/meetings")).EnumerateArray()
            .Where(m => m.GetProperty("status").GetString() == "recording"))
        {
            var id = meeting.GetProperty("id").GetString()!;
            var sheet = await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/meetings/{id}/sheet?pageSize=500");
            var present = sheet.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("chamberId").GetString()!).ToList();
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/campaigns/{campaignId}/meetings/{id}/sign-in",
                new { chamberIds = present, attended = true })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/campaigns/{campaignId}/meetings/{id}/complete", new { minutes })).StatusCode);
            recorded++;
        }

        return recorded;
    }

    /// <summary>The reviewer scores every chamber waiting: a share of the full points, and a veto for some.</summary>
    public async Task<int> ScoreAllAsync(string rubricId, Func<string, decimal> share, Func<string, bool>? veto = null)
    {
        var rubric = Chamber.Campaigns.Reviews.Rubrics.Get(rubricId);
        var tasks = await TasksAsync(reviewer, "RubricReview");
        foreach (var task in tasks)
        {
            var chamber = task.GetProperty("task").GetProperty("context").GetProperty("chamber").GetString()!;
            var scores = rubric.Scored.ToDictionary(i => i.Id, i => i.MaxScore * share(chamber));
            var vetoes = veto?.Invoke(chamber) == true ? new[] { "veto-violation" } : Array.Empty<string>();
            await CompleteAsync(reviewer, task, new { action = "score", scores, vetoes });
        }

        return tasks.Count;
    }

    public async Task<List<(string Summary, DateTimeOffset CreatedAt)>> MailAsync() =>
        [.. (await admin.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=500")).GetProperty("items").EnumerateArray()
            .Select(m => (m.GetProperty("summary").GetString()!, m.GetProperty("createdAt").GetDateTimeOffset()))];

    private static async Task<List<JsonElement>> TasksAsync(HttpClient user, string kind) =>
        [.. (await user.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=500")).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("task").GetProperty("kind").GetString() == kind)];

    private static async Task CompleteAsync(HttpClient user, JsonElement task, object answer) =>
        Assert.Equal(HttpStatusCode.OK, (await user.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", answer)).StatusCode);

    public static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 60 s.");
            await Task.Delay(200);
        }
    }
}
