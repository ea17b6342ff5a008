using System.Text.Json.Nodes;

namespace Chamber.Host.Tests.Api;

/// <summary>The engine's HTTP API (DESIGN §6), run against each storage provider by the subclasses below.</summary>
public abstract class ApiTests(HostFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Health_answers_without_sign_in()
    {
        using var anonymous = fixture.Factory.CreateClient();

        var response = await anonymous.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_and_api_answers_carry_the_security_headers_even_when_refused()
    {
        using var anonymous = fixture.Factory.CreateClient();

        using var malformed = new StringContent("{ not json", Encoding.UTF8, "application/json");
        var handledError = await Client.PostAsync("/api/campaigns", malformed);
        Assert.Equal(HttpStatusCode.BadRequest, handledError.StatusCode);
        foreach (var response in new[] { await anonymous.GetAsync("/"), await anonymous.GetAsync("/api/health"), await anonymous.GetAsync("/api/campaigns"), handledError })
        {
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task The_api_refuses_anonymous_callers_and_wrong_passwords()
    {
        using var anonymous = fixture.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/workflow-definitions")).StatusCode);
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = HostFactory.AdminEmail, password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("邮箱或密码错误", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        // A reader of English is answered in English only (the client sends its language).
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = HostFactory.AdminEmail, password = "wrong-password" }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var englishLogin = await anonymous.SendAsync(english);
        Assert.Equal("Wrong email or password.", (await englishLogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Repeated_sign_in_attempts_are_slowed_down()
    {
        await using var host = new HostFactory(fixture.Factory.Database);
        using var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = HostFactory.AdminEmail, password = "guess-" + i })).StatusCode);

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task A_state_changing_call_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        using var client = fixture.Factory.CreateClient();
        await client.PostAsJsonAsync("/api/auth/login", new { email = HostFactory.AdminEmail, password = HostFactory.AdminPassword });
        var (json, definitionId) = Definitions.Unique("hello-world.json");

        var response = await client.PostAsync("/api/workflow-definitions/import", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("防伪令牌", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/workflow-definitions/{definitionId}")).StatusCode);
    }

    [Fact]
    public async Task Import_keeps_the_definition_id_and_importing_again_makes_a_new_version()
    {
        var (json, definitionId) = Definitions.Unique("approval-fork-join.json");

        var first = await ImportAsync(json);
        var second = await ImportAsync(json);

        Assert.Equal(definitionId, first.GetProperty("definitionId").GetString());
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.True(first.GetProperty("isPublished").GetBoolean());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        var versions = await Client.GetFromJsonAsync<JsonElement>($"/api/workflow-definitions/{definitionId}/versions");
        Assert.Equal(["Published", "Superseded"], versions.EnumerateArray().Select(v => v.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_definition_without_an_id_gets_a_new_one()
    {
        var json = JsonNode.Parse(Definitions.Read("hello-world.json"))!.AsObject();
        json.Remove("definitionId");
        json.Remove("id");

        var imported = await ImportAsync(json.ToJsonString());

        Assert.False(string.IsNullOrEmpty(imported.GetProperty("definitionId").GetString()));
    }

    [Fact]
    public async Task Export_returns_elsa_json_that_imports_and_exports_again_unchanged()
    {
        var (json, definitionId) = Definitions.Unique("unknown-activity.json");
        await ImportAsync(json);

        var exported = JsonNode.Parse(await Client.GetStringAsync($"/api/workflow-definitions/{definitionId}/export"))!.AsObject();
        await ImportAsync(exported.ToJsonString());
        var again = JsonNode.Parse(await Client.GetStringAsync($"/api/workflow-definitions/{definitionId}/export"))!.AsObject();

        Assert.Equal("Elsa.Flowchart", exported["root"]!["type"]!.GetValue<string>());
        Assert.Equal("amap", exported["root"]!["activities"]![1]!["provider"]!.GetValue<string>());
        Assert.Equal("Json", exported["materializerName"]!.GetValue<string>());
        foreach (var versionField in new[] { "id", "version", "isLatest", "isPublished" })
        {
            exported.Remove(versionField);
            again.Remove(versionField);
        }

        Assert.True(JsonNode.DeepEquals(exported, again), $"{exported}\n---\n{again}");
    }

    [Theory]
    [InlineData("{\"root\": ", "不是有效的 JSON")]
    [InlineData("[1, 2]", "必须是一个 JSON 对象")]
    [InlineData("""{"definitionId":"a","definitionId":"b","root":{"type":"Elsa.Flowchart","id":"f"}}""", "流程定义无效：")]
    [InlineData("{\"definitionId\":\"x\"}", "缺少根环节（root）")]
    [InlineData("""{"definitionId":"bad-liquid","root":{"type":"Elsa.Flowchart","id":"f","activities":[{"id":"w","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Liquid","value":"{% if x %}never closed"}}}]}}""", "Liquid 语法错误")]
    [InlineData("""{"definitionId":"bad-link","root":{"type":"Elsa.Flowchart","id":"f","activities":[{"id":"a","type":"Elsa.WriteLine"}],"connections":[{"source":{"activity":"a","port":"Done"},"target":{"activity":"ghost","port":"In"}}]}}""", "环节“ghost”")]
    [InlineData("""{"definitionId":"spin","root":{"type":"Elsa.Flowchart","id":"f","activities":[{"id":"start","type":"Elsa.Start"},{"id":"a","type":"Elsa.WriteLine"},{"id":"b","type":"Elsa.WriteLine"}],"connections":[{"source":"start","target":"a"},{"source":"a","target":"b"},{"source":"b","target":"a"}]}}""", "无休止地运行")]
    [InlineData("""{"definitionId":"bad-var","root":{"type":"Elsa.Flowchart","id":"f","activities":[{"id":"w","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Variable","value":{"id":5}}}}]}}""", "变量（Variable）表达式")]
    [InlineData("""{"definitionId":"bad-ref","root":{"type":"Elsa.Flowchart","id":"f","activities":[{"id":"e","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"x"}},"result":{"typeName":"Object","memoryReference":{"id":5}}}]}}""", "既不是变量")]
    [InlineData("""{"definitionId":"bad-input","root":{"type":"Elsa.Flowchart","id":"f","activities":[{"id":"w","type":"Elsa.WriteLine","text":[1,2]}]}}""", "不是输入")]
    public async Task Invalid_definitions_get_400_with_the_reason_and_nothing_is_stored(string body, string reason)
    {
        var before = await Client.GetFromJsonAsync<JsonElement>("/api/workflow-definitions");

        var response = await Client.PostAsync("/api/workflow-definitions/import", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await Client.GetFromJsonAsync<JsonElement>("/api/workflow-definitions");
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
    }

    [Fact]
    public async Task Draft_publish_and_retract_control_which_version_new_instances_use()
    {
        var (json, definitionId) = Definitions.Unique("hello-world.json");
        var draft = JsonNode.Parse(json)!.AsObject();
        draft["isPublished"] = false;
        await ImportAsync(draft.ToJsonString());

        var notYet = await Client.PostAsJsonAsync("/api/workflow-instances", new { definitionId });
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);

        var published = await Client.PostAsync($"/api/workflow-definitions/{definitionId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var v1Instance = await StartAsync(definitionId);

        draft["root"]!["activities"]![1]!["text"]!["expression"]!["value"] = "第二版 version two";
        var saved = await Client.PutAsync($"/api/workflow-definitions/{definitionId}", Json(draft.ToJsonString()));
        Assert.Equal(2, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var stillV1 = await StartAsync(definitionId);
        Assert.Equal(1, (await GetInstanceAsync(stillV1)).GetProperty("version").GetInt32());

        await Client.PostAsync($"/api/workflow-definitions/{definitionId}/publish", null);
        var v2Instance = await StartAsync(definitionId);
        Assert.Equal(["第二版 version two"], await MessagesAsync(v2Instance));
        Assert.Equal(["你好，世界 Hello World"], await MessagesAsync(v1Instance));

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/workflow-definitions/{definitionId}/retract", null)).StatusCode);
        var retracted = await Client.PostAsJsonAsync("/api/workflow-instances", new { definitionId });
        Assert.Equal(HttpStatusCode.NotFound, retracted.StatusCode);
    }

    [Fact]
    public async Task Starting_an_instance_runs_it_and_its_journal_shows_write_line_text()
    {
        var (json, definitionId) = Definitions.Unique("hello-world.json");
        await ImportAsync(json);

        var id = await StartAsync(definitionId);

        var instance = await GetInstanceAsync(id);
        Assert.Equal("Finished", instance.GetProperty("status").GetString());
        var journal = await Client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}/journal");
        var line = journal.EnumerateArray().Single(e => e.GetProperty("eventName").GetString() == "Message");
        Assert.Equal("write", line.GetProperty("activityId").GetString());
        Assert.Equal("Elsa.WriteLine", line.GetProperty("activityType").GetString());
        Assert.Equal("你好，世界 Hello World", line.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Bookmarks_and_events_resume_a_suspended_instance()
    {
        var (json, definitionId) = Definitions.Unique("approval-fork-join.json");
        await ImportAsync(json);
        var id = await StartAsync(definitionId, correlationId: "商会-001");

        var suspended = await GetInstanceAsync(id);
        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());
        var leader = suspended.GetProperty("bookmarks").EnumerateArray().Single(b => b.GetProperty("activityId").GetString() == "leader");
        Assert.Equal("Elsa.Event", leader.GetProperty("activityType").GetString());
        Assert.Equal("Elsa.Event", leader.GetProperty("name").GetString());

        var resumed = await Client.PostAsJsonAsync($"/api/bookmarks/{leader.GetProperty("id").GetString()}/resume", new { input = "ok" });
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);

        var wrongCorrelation = await Client.PostAsJsonAsync("/api/events/staff-approved", new { correlationId = "someone-else" });
        Assert.Empty((await wrongCorrelation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instances").EnumerateArray());
        var published = await Client.PostAsJsonAsync("/api/events/staff-approved", new { correlationId = "商会-001", input = "同意 agreed" });
        var hit = Assert.Single((await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instances").EnumerateArray());
        Assert.Equal("Finished", hit.GetProperty("status").GetString());

        var finished = await GetInstanceAsync(id);
        Assert.Equal(2, finished.GetProperty("variables").GetProperty("Approvals").GetInt32());
        Assert.Equal("同意 agreed", finished.GetProperty("output").GetProperty("Comment").GetString());
    }

    [Fact]
    public async Task Resuming_a_missing_or_consumed_bookmark_is_an_error_not_a_second_run()
    {
        var (json, definitionId) = Definitions.Unique("approval-fork-join.json");
        await ImportAsync(json);
        var id = await StartAsync(definitionId);
        var bookmark = (await GetInstanceAsync(id)).GetProperty("bookmarks")[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/api/bookmarks/no-such-bookmark/resume", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"/api/bookmarks/{bookmark}/resume", new { })).StatusCode);
        var again = await Client.PostAsJsonAsync($"/api/bookmarks/{bookmark}/resume", new { });
        Assert.True(again.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict, again.StatusCode.ToString());
        Assert.Equal(1, (await GetInstanceAsync(id)).GetProperty("variables").GetProperty("Approvals").GetInt32());
    }

    [Fact]
    public async Task Parallel_resumes_of_one_bookmark_over_http_apply_exactly_once()
    {
        var (json, definitionId) = Definitions.Unique("approval-fork-join.json");
        await ImportAsync(json);
        var id = await StartAsync(definitionId);
        var bookmark = (await GetInstanceAsync(id)).GetProperty("bookmarks")[0].GetProperty("id").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Client.PostAsJsonAsync($"/api/bookmarks/{bookmark}/resume", new { })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Conflict));
        Assert.Equal(1, (await GetInstanceAsync(id)).GetProperty("variables").GetProperty("Approvals").GetInt32());
    }

    [Fact]
    public async Task A_faulted_instance_shows_its_incident_and_retry_finishes_it()
    {
        var (json, definitionId) = Definitions.Unique("flaky-step.json");
        await ImportAsync(json);
        var id = await StartAsync(definitionId);

        var faulted = await GetInstanceAsync(id);
        Assert.Equal("Faulted", faulted.GetProperty("status").GetString());
        var incident = Assert.Single(faulted.GetProperty("incidents").EnumerateArray());
        Assert.Equal("call", incident.GetProperty("activityId").GetString());
        Assert.Contains("service not ready", incident.GetProperty("message").GetString(), StringComparison.Ordinal);

        var retry = await Client.PostAsync($"/api/workflow-instances/{id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("Finished", (await GetInstanceAsync(id)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/api/workflow-instances/{id}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task Cancel_works_on_a_suspended_instance_and_then_conflicts()
    {
        var (json, definitionId) = Definitions.Unique("approval-fork-join.json");
        await ImportAsync(json);
        var id = await StartAsync(definitionId);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/workflow-instances/{id}/cancel", null)).StatusCode);

        var cancelled = await GetInstanceAsync(id);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Empty(cancelled.GetProperty("bookmarks").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"/api/workflow-instances/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("/api/workflow-instances/nope/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_parent_waits_for_its_child_workflow_through_the_background_dispatcher()
    {
        await ImportAsync(Definitions.Read("child-doubler.json"));
        await ImportAsync(Definitions.Read("parent-of-doubler.json"));
        var parent = await StartAsync("parent-of-doubler");

        var children = await EventuallyAsync(async () =>
        {
            var page = await Client.GetFromJsonAsync<JsonElement>("/api/workflow-instances?definitionId=child-doubler&status=Suspended");
            return page.GetProperty("total").GetInt32() > 0 ? page : (JsonElement?)null;
        });
        Assert.Equal(parent, children.GetProperty("items")[0].GetProperty("parentInstanceId").GetString());
        await Client.PostAsJsonAsync("/api/events/child-go", new { });

        var finished = await EventuallyAsync(async () =>
        {
            var instance = await GetInstanceAsync(parent);
            return instance.GetProperty("status").GetString() == "Finished" ? instance : (JsonElement?)null;
        });
        Assert.Equal(42, finished.GetProperty("output").GetProperty("Answer").GetInt32());
    }

    [Fact]
    public async Task A_trigger_flag_of_the_wrong_type_is_ignored_rather_than_failing_event_delivery()
    {
        var json = """
            {"definitionId":"odd-flag-<id>","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"e","type":"Elsa.Event","customProperties":{"canStartWorkflow":"yes"},
               "eventName":{"typeName":"String","expression":{"type":"Literal","value":"odd-flag-event"}}}]}}
            """.Replace("<id>", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        await ImportAsync(json);

        var response = await Client.PostAsJsonAsync("/api/events/odd-flag-event", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("2026-10-01", false, "国庆节")]
    [InlineData("2026-09-20", true, "国庆节")]
    [InlineData("2026-10-08", true, null)]
    public async Task The_calendar_answers_holidays_and_make_up_days(string date, bool working, string? name)
    {
        var day = await Client.GetFromJsonAsync<JsonElement>($"/api/calendars/cn/days/{date}");

        Assert.Equal(date, day.GetProperty("date").GetString());
        Assert.Equal(working, day.GetProperty("working").GetBoolean());
        Assert.Equal(name, day.TryGetProperty("name", out var n) ? n.GetString() : null);
    }

    [Theory]
    [InlineData("2026-04-30", 1, "2026-05-06")]
    [InlineData("2026-10-09", -3, "2026-09-29")]
    public async Task The_calendar_adds_working_days(string date, int days, string expected)
    {
        var result = await Client.GetFromJsonAsync<JsonElement>($"/api/calendars/cn/add-working-days?date={date}&days={days}");

        Assert.Equal(expected, result.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("2026-04-30>", "2026-04-30")] // a working day stays
    [InlineData("2026-10-03>", "2026-10-08")] // National Day (1–7 October): the next working day
    [InlineData("2026-06-25-3wd", "2026-06-22")] // three working days before
    [InlineData("2026-10-31<", "2026-10-30")] // "before the end of October" on a Saturday: the Friday before, still October
    public async Task A_business_date_expression_resolves_to_a_day(string expression, string expected)
    {
        var result = await Client.GetFromJsonAsync<JsonElement>($"/api/calendars/cn/resolve?expression={Uri.EscapeDataString(expression)}");

        Assert.Equal(expected, result.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("/api/calendars/cn/days/2026-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendars/cn/days/tomorrow", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendars/cn/add-working-days?date=2026-01-05&days=5000", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendars/cn/add-working-days?date=2026-01-05", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendars/cn/days/2003-01-06", HttpStatusCode.NotFound)]
    [InlineData("/api/calendars/cn/resolve?expression=end-of-april", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendars/cn/resolve?expression=2003-04-30%3E", HttpStatusCode.NotFound)]
    public async Task Bad_or_unknown_calendar_questions_get_a_problem(string path, HttpStatusCode status)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_administrator_adds_2027_and_year_end_deadlines_then_move_into_it()
    {
        var missing = await Client.GetAsync("/api/calendars/cn/add-working-days?date=2026-12-31&days=1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("2027", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var invalid = await Client.PutAsync("/api/calendars/cn/years/2027", Json("""{"year":2027,"holidays":[{"date":"2026-01-01"}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/calendars/cn/days/2027-01-04")).StatusCode);

        var saved = await Client.PutAsync("/api/calendars/cn/years/2027",
            Json("""{"year":2027,"source":"国务院办公厅 2027","holidays":[{"date":"2027-01-01","name":"元旦"}],"workdays":[]}"""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var moved = await Client.GetFromJsonAsync<JsonElement>("/api/calendars/cn/add-working-days?date=2026-12-31&days=1");
        Assert.Equal("2027-01-04", moved.GetProperty("date").GetString());
        var years = await Client.GetFromJsonAsync<JsonElement>("/api/calendars/cn/years");
        Assert.True(years.EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2027).GetProperty("addedByAdministrator").GetBoolean());

        var replaced = await Client.PutAsync("/api/calendars/cn/years/2027",
            Json("""{"year":2027,"holidays":[{"date":"2027-01-01","name":"元旦"},{"date":"2027-01-04","name":"测试"}]}"""));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("2027-01-05", (await Client.GetFromJsonAsync<JsonElement>("/api/calendars/cn/add-working-days?date=2026-12-31&days=1")).GetProperty("date").GetString());
    }

    [Fact]
    public async Task Activity_descriptors_describe_inputs_and_ports_for_the_designer()
    {
        var descriptors = await Client.GetFromJsonAsync<JsonElement>("/api/activity-descriptors");

        var decision = descriptors.EnumerateArray().Single(d => d.GetProperty("typeName").GetString() == "Elsa.FlowDecision");
        Assert.Equal("Branching", decision.GetProperty("category").GetString());
        Assert.Equal(["True", "False"], decision.GetProperty("ports").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("condition", decision.GetProperty("inputs")[0].GetProperty("name").GetString());
        Assert.Equal("Boolean", decision.GetProperty("inputs")[0].GetProperty("typeName").GetString());
        Assert.DoesNotContain(descriptors.EnumerateArray(), d => d.GetProperty("typeName").GetString() == "Elsa.NotFoundActivity");
    }

    [Fact]
    public async Task A_published_workflow_usable_as_an_activity_is_in_the_palette_and_runs_where_the_designer_puts_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var childId = "greeter-" + suffix;
        await ImportAsync("""
            {"definitionId":"@CHILD@","name":"Greeter@SUFFIX@","isPublished":true,
             "options":{"usableAsActivity":true,"activityCategory":"Testing"},"outcomes":["Greeted"],
             "inputs":[{"name":"Person","type":"String"}],"outputs":[{"name":"Greeting","type":"String"}],
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
               {"id":"set","type":"Elsa.SetOutput","outputName":{"typeName":"String","expression":{"type":"Literal","value":"Greeting"}},
                "outputValue":{"typeName":"Object","expression":{"type":"JavaScript","value":"`你好，${getPerson()}`"}}},
               {"id":"done","type":"Elsa.Complete","outcomes":{"typeName":"Object","expression":{"type":"Literal","value":"Greeted"}}}],
              "connections":[{"source":{"activity":"set","port":"Done"},"target":{"activity":"done","port":"In"}}]}}
            """.Replace("@CHILD@", childId).Replace("@SUFFIX@", suffix));

        var descriptors = await Client.GetFromJsonAsync<JsonElement>("/api/activity-descriptors");
        var greeter = descriptors.EnumerateArray().Single(d => d.GetProperty("typeName").GetString() == "Greeter" + suffix);
        Assert.Equal("Testing", greeter.GetProperty("category").GetString());
        Assert.Equal(["Greeted"], greeter.GetProperty("ports").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("person", greeter.GetProperty("inputs")[0].GetProperty("name").GetString());
        var construction = greeter.GetProperty("constructionProperties");
        Assert.Equal(childId, construction.GetProperty("workflowDefinitionId").GetString());

        // The activity as the designer adds it: its type, the construction properties, an input, and a connection from its port.
        var parentId = "greet-parent-" + suffix;
        await ImportAsync("""
            {"definitionId":"@PARENT@","name":"Parent","isPublished":true,
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
               {"id":"greet","type":"Greeter@SUFFIX@","workflowDefinitionId":"@CHILD@",
                "workflowDefinitionVersionId":"@VERSION@",
                "person":{"typeName":"String","expression":{"type":"Literal","value":"王主席"}}},
               {"id":"say","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"JavaScript","value":"getGreetingFromGreet()"}}}],
              "connections":[{"source":{"activity":"greet","port":"Greeted"},"target":{"activity":"say","port":"In"}}]}}
            """.Replace("@PARENT@", parentId).Replace("@CHILD@", childId).Replace("@SUFFIX@", suffix)
            .Replace("@VERSION@", construction.GetProperty("workflowDefinitionVersionId").GetString()));
        var id = await StartAsync(parentId);

        await EventuallyAsync(async () => (await GetInstanceAsync(id)) is var i && i.GetProperty("status").GetString() == "Finished" ? i : null);
        Assert.Equal(["你好，王主席"], await MessagesAsync(id));
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        using var anonymous = fixture.Factory.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/workflow-instances", out _));
    }

    [Theory]
    [InlineData("/api/workflow-instances", "{\"definitionId\": 5}")]
    [InlineData("/api/workflow-instances", "{\"input\": [1,2]}")]
    [InlineData("/api/workflow-instances", "not json")]
    [InlineData("/api/events/x", "{\"correlationId\": {}}")]
    [InlineData("/api/bookmarks/x/resume", "{\"input\": ")]
    public async Task Malformed_requests_get_a_problem_400(string path, string body)
    {
        var response = await Client.PostAsync(path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<JsonElement> ImportAsync(string json)
    {
        var response = await Client.PostAsync("/api/workflow-definitions/import", Json(json));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> StartAsync(string definitionId, object? input = null, string? correlationId = null)
    {
        var response = await Client.PostAsJsonAsync("/api/workflow-instances", new { definitionId, input, correlationId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<JsonElement> GetInstanceAsync(string id) => Client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}");

    private async Task<List<string?>> MessagesAsync(string id) =>
        [.. (await Client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}/journal")).EnumerateArray()
            .Where(e => e.GetProperty("eventName").GetString() == "Message").Select(e => e.GetProperty("message").GetString())];

    /// <summary>Polls background work (the dispatcher) for up to 15 s.</summary>
    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The expected state was not reached within 15 s.");
            await Task.Delay(50);
        }
    }
}

public sealed class SqliteApiTests(SqliteHostFixture fixture) : ApiTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresApiTests(PostgresHostFixture fixture) : ApiTests(fixture), IClassFixture<PostgresHostFixture>;
