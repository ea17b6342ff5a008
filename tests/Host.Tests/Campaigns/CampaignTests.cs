using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chamber.Workflows.Persistence;

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
        Assert.Equal(("报送实施方案 Implementation plan", 3, 0, 0), (stage.GetProperty("stage").GetString(), stage.GetProperty("pending").GetInt32(),
            stage.GetProperty("overdue").GetInt32(), stage.GetProperty("submitted").GetInt32()));
        var participants = (await Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/participants")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(participants, p => Assert.Equal("pending", p.GetProperty("status").GetString()));
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
        var rows = Chamber.Activities.Chambers.TabularFile.Read(await export.Content.ReadAsByteArrayAsync(), "export.xlsx");
        Assert.Equal("商会 Chamber", rows[0].Cells[0]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Cells[2] == "已逾期 overdue"));
        var submitted = Assert.Single(rows, r => r.Cells[2] == "待审核 submitted");
        Assert.Equal(("报送实施方案 Implementation plan", "2026-04-30"), (submitted.Cells[3], submitted.Cells[4]));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/campaigns/nope/export")).StatusCode);
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
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync("/api/campaigns",
            new { name = "x", year = 2026, templateId = "four-good-campaign", participantIds = chambers, leaders = new[] { "not a person" } })).StatusCode);
        var perChamber = await Admin.PostAsJsonAsync("/api/campaigns", new { name = "x", year = 2026, templateId = "four-good-chamber", participantIds = chambers });
        Assert.Equal(HttpStatusCode.BadRequest, perChamber.StatusCode);
        Assert.Contains("ForEachParticipant", await perChamber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync("/api/campaigns/nope/launch", null)).StatusCode);
        using var anonymous = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/campaigns")).StatusCode);
    }
}

public sealed class SqliteCampaignTests() : CampaignTests(StorageProvider.Sqlite);

public sealed class PostgresCampaignTests() : CampaignTests(StorageProvider.Postgres);
