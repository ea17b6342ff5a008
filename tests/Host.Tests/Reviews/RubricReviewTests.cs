namespace Chamber.Host.Tests.Reviews;

/// <summary>Two reviewers score a county federation against the Five-Good rubric from their inboxes; indicators come from its figures.</summary>
public abstract class RubricReviewTests(StorageProvider provider) : HostTestBase(provider)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateUserAsync("r1@fic.example", "reviewer");
        await CreateUserAsync("r2@fic.example", "reviewer");
    }

    private async Task<string> ChamberAsync(string csvRow) =>
        (await ImportChambersAsync("名称,类型,邮箱,会员数,企业会员数,上年会员数,非公经济市场主体数\n" + csvRow + "\n"))[0];

    private async Task<string> StartReviewAsync(string chamberId)
    {
        var definition = """
            {"definitionId":"review","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"review","type":"Chamber.RubricReview",
               "rubric":{"typeName":"String","expression":{"type":"Literal","value":"five-good"}},
               "chamber":{"typeName":"String","expression":{"type":"Literal","value":"CHAMBER"}},
               "reviewers":{"typeName":"Object","expression":{"type":"Literal","value":"r1@fic.example, r2@fic.example"}}},
              {"id":"pass","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"commend"}}},
              {"id":"fail","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"rectify"}}}],
             "connections":[
              {"source":{"activity":"review","port":"Passed"},"target":{"activity":"pass","port":"In"}},
              {"source":{"activity":"review","port":"Failed"},"target":{"activity":"fail","port":"In"}}]}}
            """.Replace("CHAMBER", chamberId, StringComparison.Ordinal);
        await Admin.PostAsync("/api/workflow-definitions/import", new StringContent(definition, Encoding.UTF8, "application/json"));
        var started = await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "review" });
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static Dictionary<string, decimal> Scores(decimal share) => new()
    {
        ["leadership-party"] = 10 * share, ["leadership-team"] = 10 * share, ["members-database"] = 3 * share,
        ["chambers-guidance"] = 10 * share, ["chambers-records"] = 10 * share, ["role-people"] = 10 * share,
        ["role-economy"] = 10 * share, ["support-leadership"] = 10 * share, ["support-resources"] = 10 * share,
    };

    private async Task ScoreAsync(string reviewer, object answer, HttpStatusCode expected = HttpStatusCode.OK, int expectedTasks = 1)
    {
        using var client = await SignInAsync(reviewer);
        var tasks = (await client.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expectedTasks, tasks.Count);
        var task = tasks[0];
        Assert.Equal("RubricReview", task.GetProperty("task").GetProperty("kind").GetString());
        Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", answer)).StatusCode);
    }

    [Fact]
    public async Task A_federation_that_meets_the_indicators_and_scores_well_passes()
    {
        // 400 members of 1,200 local private entities (33 %), 330 enterprises (82.5 %), up from 370 (8.1 %).
        var instance = await StartReviewAsync(await ChamberAsync("东宝区工商联,县级工商联,db@fic.example,400,330,370,1200"));

        await ScoreAsync("r1@fic.example", new { action = "score", scores = Scores(1m) });
        var incomplete = Scores(1m);
        incomplete.Remove("role-economy");
        await ScoreAsync("r2@fic.example", new { action = "score", scores = incomplete }, HttpStatusCode.BadRequest);
        await ScoreAsync("r2@fic.example", new { action = "score", scores = Scores(0.8m) });

        var view = await Admin.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instance}");
        Assert.Equal("Finished", view.GetProperty("status").GetString());
        var journal = await Admin.GetStringAsync($"/api/workflow-instances/{instance}/journal");
        Assert.Contains("commend", journal, StringComparison.Ordinal);
        Assert.Contains("87.7/80", journal, StringComparison.Ordinal); // 13 computed (no figure for enterprises above designated size) + 83 × 0.9
    }

    [Fact]
    public async Task A_reviewer_opens_the_instance_of_their_own_task_and_no_other_nor_the_definitions()
    {
        var mine = await StartReviewAsync(await ChamberAsync("东宝区工商联,县级工商联,db@fic.example,400,330,370,1200"));
        var other = (await (await Admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "review" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString()!;
        await CreateUserAsync("r3@fic.example", "reviewer");
        using var r1 = await SignInAsync("r1@fic.example");
        using var outsider = await SignInAsync("r3@fic.example");

        Assert.Equal(HttpStatusCode.OK, (await r1.GetAsync($"/api/workflow-instances/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await r1.GetAsync($"/api/workflow-instances/{mine}/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/workflow-instances/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/workflow-instances/{mine}/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await r1.GetAsync("/api/workflow-instances")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await r1.GetAsync("/api/workflow-definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await r1.GetAsync("/api/workflow-definitions/review/export")).StatusCode);

        // Once answered, the reviewer still opens it; a second instance with the same task is theirs too, an unrelated one is not.
        await ScoreAsync("r1@fic.example", new { action = "score", scores = Scores(1m) }, expectedTasks: 2);
        Assert.Equal(HttpStatusCode.OK, (await r1.GetAsync($"/api/workflow-instances/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/api/workflow-instances/{other}")).StatusCode);
    }

    [Fact]
    public async Task Missing_the_membership_indicators_and_a_veto_free_low_score_fails()
    {
        // 200 members of 1,200 entities (16.7 %), 120 enterprises (60 %), up from 195 (2.6 %).
        var instance = await StartReviewAsync(await ChamberAsync("掇刀区工商联,县级工商联,dd@fic.example,200,120,195,1200"));
        await ScoreAsync("r1@fic.example", new { action = "score", scores = Scores(0.9m) });
        await ScoreAsync("r2@fic.example", new { action = "score", scores = Scores(0.9m) });

        var journal = await Admin.GetStringAsync($"/api/workflow-instances/{instance}/journal");
        Assert.Contains("rectify", journal, StringComparison.Ordinal);
        Assert.Contains("74.7/80", journal, StringComparison.Ordinal); // 0 computed + 83 × 0.9
    }
}

public sealed class SqliteRubricReviewTests() : RubricReviewTests(StorageProvider.Sqlite);

public sealed class PostgresRubricReviewTests() : RubricReviewTests(StorageProvider.Postgres);
