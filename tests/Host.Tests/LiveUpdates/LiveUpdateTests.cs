using System.Net.ServerSentEvents;

namespace Chamber.Host.Tests.LiveUpdates;

/// <summary>
/// <c>GET /api/live</c>: a signed-in person's stream of server-sent events, fed by the engine's
/// Mediator notifications — only the events that concern them.
/// </summary>
public sealed class LiveUpdateTests() : HostTestBase(StorageProvider.Sqlite)
{
    private const string SignOff = """
        {"definitionId":"live-sign-off","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"sign","type":"Chamber.SignOff",
           "title":{"typeName":"String","expression":{"type":"Literal","value":"实施方案审批"}},
           "approvers":{"typeName":"Object","expression":{"type":"Literal","value":"leader1@fic.example"}},
           "mode":{"typeName":"String","expression":{"type":"Literal","value":"会签"}}}]}}
        """;

    [Fact]
    public async Task A_new_task_reaches_its_assignee_live_and_nobody_else()
    {
        await CreateUserAsync("leader1@fic.example", "leader");
        await CreateUserAsync("leader2@fic.example", "leader");
        await CreateUserAsync("reviewer@fic.example", "reviewer");
        using var leader1 = await SignInAsync("leader1@fic.example");
        using var leader2 = await SignInAsync("leader2@fic.example");
        using var outsider = await SignInAsync("reviewer@fic.example");
        await using var forLeader1 = await LiveStream.OpenAsync(leader1);
        await using var forLeader2 = await LiveStream.OpenAsync(leader2);
        await using var forOutsider = await LiveStream.OpenAsync(outsider);

        (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(SignOff, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var started = await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "live-sign-off" });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(("tasks", ""), await forLeader1.NextAsync(e => e.EventType == "tasks"));
        // Leaders oversee campaigns: both hear that the instance moved; only the assignee hears of a task.
        Assert.Equal(("instance", instanceId), await forLeader2.NextAsync(e => e.EventType == "instance"));
        Assert.DoesNotContain(forLeader2.Received, e => e.EventType == "tasks");
        Assert.DoesNotContain(forOutsider.Received, e => e.EventType is "tasks" or "instance");
    }

    [Fact]
    public async Task A_federations_account_hears_nothing_of_what_is_not_its_own()
    {
        var ids = await ImportChambersAsync("名称,类型,邮箱\n黄浦区工商联,县级工商联,hp@fic.example\n");
        var district = await Admin.PostAsJsonAsync("/api/users",
            new { email = "hp-staff@fic.example", displayName = "黄浦区会员科", password = UserPassword, roles = new[] { "staff" }, federationId = ids[0] });
        district.EnsureSuccessStatusCode();
        await CreateUserAsync("leader1@fic.example", "leader");
        await CreateUserAsync("leader2@fic.example", "leader");
        using var districtStaff = await SignInAsync("hp-staff@fic.example");
        using var leader2 = await SignInAsync("leader2@fic.example");
        await using var forDistrict = await LiveStream.OpenAsync(districtStaff);
        await using var forLeader2 = await LiveStream.OpenAsync(leader2);

        (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(SignOff, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var started = await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "live-sign-off" });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        // The top level's leader hears the instance move; the district's staff, who may not open it, do not.
        Assert.Equal(("instance", instanceId), await forLeader2.NextAsync(e => e.EventType == "instance"));
        Assert.DoesNotContain(forDistrict.Received, e => e.EventType == "instance");
    }

    [Fact]
    public async Task A_federations_account_hears_of_its_campaigns_opened_after_its_stream_opened()
    {
        var ids = await ImportChambersAsync("名称,类型,邮箱,上级单位\n黄浦区工商联,县级工商联,hp@fic.example,\n黄浦区甲商会,行业商会,jia@chamber.example,黄浦区工商联\n");
        (await Admin.PostAsJsonAsync("/api/users",
            new { email = "hp-staff@fic.example", displayName = "黄浦区会员科", password = UserPassword, roles = new[] { "staff" }, federationId = ids[0] })).EnsureSuccessStatusCode();
        using var districtStaff = await SignInAsync("hp-staff@fic.example");
        await using var forDistrict = await LiveStream.OpenAsync(districtStaff);
        foreach (var json in new[]
        {
            """
            {"definitionId":"live-part","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"wait","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"live-never"}}}],"connections":[]}}
            """,
            """
            {"definitionId":"live-campaign","isPublished":true,"customProperties":{"rubric":"four-good"},"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"each","type":"Chamber.ForEachParticipant","workflowDefinitionId":{"typeName":"String","expression":{"type":"Literal","value":"live-part"}},
               "untilStage":{"typeName":"String","expression":{"type":"Literal","value":"wait"}}}],"connections":[]}}
            """,
        })
        {
            (await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(json, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        // The district opens and launches a campaign of its own after its stream opened: its changes reach the stream.
        var created = await districtStaff.PostAsJsonAsync("/api/campaigns", new { name = "黄浦区创建活动", year = 2026, templateId = "live-campaign", participantIds = new[] { ids[1] } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await districtStaff.PostAsync($"/api/campaigns/{campaignId}/launch", null)).StatusCode);

        var own = Chamber.Campaigns.Lifecycle.CampaignService.CampaignInstanceId(campaignId);
        Assert.Equal(("instance", own), await forDistrict.NextAsync(e => e.EventType == "instance" && e.Data == own));
    }

    [Fact]
    public async Task The_stream_is_for_signed_in_people_only()
    {
        using var anonymous = Host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/live")).StatusCode);
    }

    /// <summary>One open stream, read in the background; events are kept in order of arrival.</summary>
    private sealed class LiveStream : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _reading;
        private readonly List<SseItem<string>> _received = [];

        private LiveStream(HttpResponseMessage response)
        {
            _response = response;
            _reading = Task.Run(ReadAsync);
        }

        public IReadOnlyList<SseItem<string>> Received
        {
            get
            {
                lock (_received)
                    return [.. _received];
            }
        }

        public static async Task<LiveStream> OpenAsync(HttpClient client)
        {
            var response = await client.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var stream = new LiveStream(response);
            await stream.NextAsync(e => e.EventType == "ready"); // subscribed before the test acts
            return stream;
        }

        public async Task<(string Type, string? Id)> NextAsync(Func<SseItem<string>, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                // SseItem is a struct: a default one (nothing matched yet) would read as a "message" event.
                foreach (var found in Received.Where(match).Take(1))
                    return (found.EventType, found.Data);
                Assert.True(DateTime.UtcNow < deadline, "No such event within 15 s; received: " + string.Join(", ", Received.Select(e => e.EventType)));
                await Task.Delay(50);
            }
        }

        private async Task ReadAsync()
        {
            try
            {
                await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
                await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
                {
                    lock (_received)
                        _received.Add(item);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                // The test is over.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _response.Dispose();
            await _reading;
            _stop.Dispose();
        }
    }
}
