using System.Net.Http.Headers;

namespace Chamber.Host.Tests.Chambers;

/// <summary>POST /api/chambers/import and GET /api/chambers on a real database.</summary>
public abstract class ChamberApiTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private const string FirstList = """
        名称,类型,所属区,联系人,邮箱,电话,会员数
        鹿城区五马街道商会,乡镇街道,鹿城区,张三,wuma@chamber.example,0577-1,120
        温州市服装商会,行业,鹿城区,李四,fz@chamber.example,0577-2,356
        龙湾区永中街道商会,乡镇街道,龙湾区,王五,yz@chamber.example,0577-3,98
        没有邮箱的商会,区域,瓯海区,赵六,,0577-4,10
        """;

    [Fact]
    public async Task An_import_keeps_valid_rows_reports_bad_ones_and_a_reimport_updates_instead_of_duplicating()
    {
        await using var host = new HostFactory(_database);
        using var client = await host.SignedInClientAsync();

        var first = await ImportAsync(client, Encoding.UTF8.GetBytes(FirstList), "第一批.csv");
        Assert.Equal((4, 3, 0, 0), (first.GetProperty("rows").GetInt32(), first.GetProperty("created").GetInt32(),
            first.GetProperty("updated").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        var error = Assert.Single(first.GetProperty("errors").EnumerateArray());
        Assert.Equal((5, "邮箱"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));

        // The same list from Excel on Chinese Windows (GBK), with one phone changed and the missing e-mail added.
        var second = FirstList.Replace("0577-2", "0577-99", StringComparison.Ordinal).Replace("赵六,,", "赵六,ou@chamber.example,", StringComparison.Ordinal);
        var reimport = await ImportAsync(client, Encoding.GetEncoding(936).GetBytes(second), "第二批.csv");
        Assert.Equal((1, 1, 2), (reimport.GetProperty("created").GetInt32(), reimport.GetProperty("updated").GetInt32(), reimport.GetProperty("unchanged").GetInt32()));

        var all = await client.GetFromJsonAsync<JsonElement>("/api/chambers");
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        var lucheng = await client.GetFromJsonAsync<JsonElement>("/api/chambers?district=鹿城区&type=Industry");
        var garment = Assert.Single(lucheng.GetProperty("items").EnumerateArray());
        Assert.Equal(("温州市服装商会", "0577-99", 356), (garment.GetProperty("name").GetString(), garment.GetProperty("phone").GetString(), garment.GetProperty("memberCount").GetInt32()));
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/chambers/{garment.GetProperty("id").GetString()}");
        Assert.Equal("李四", one.GetProperty("contact").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/chambers/nope")).StatusCode);
    }

    [Fact]
    public async Task An_import_returns_the_chambers_of_its_valid_rows_in_file_order()
    {
        await using var host = new HostFactory(_database);
        using var client = await host.SignedInClientAsync();
        var first = await ImportAsync(client, Encoding.UTF8.GetBytes(FirstList), "第一批.csv");
        var ids = first.GetProperty("chamberIds").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Equal(3, ids.Count);

        // One name twice, with full-width brackets and then half-width ones: the second row is refused as the same name.
        var twice = await ImportAsync(client, Encoding.UTF8.GetBytes("""
            名称,邮箱,电话
            新成立的商会,new@chamber.example,1
            温州市服装商会（行业）,fz@chamber.example,2
            温州市服装商会(行业),fz@chamber.example,3
            """), "twice.csv");
        Assert.Equal((2, 4), (twice.GetProperty("created").GetInt32(), twice.GetProperty("errors")[0].GetProperty("row").GetInt32()));
        var twiceIds = twice.GetProperty("chamberIds").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Equal(2, twiceIds.Count);
        Assert.DoesNotContain(twiceIds[1], ids);
        Assert.Equal("2", (await client.GetFromJsonAsync<JsonElement>($"/api/chambers/{twiceIds[1]}")).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Staff_edit_a_chamber_by_the_import_rules_delete_one_no_campaign_uses_and_fill_in_the_template()
    {
        await using var host = new HostFactory(_database, new Dictionary<string, string>
        {
            ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
        });
        using var client = await host.SignedInClientAsync();
        var ids = (await ImportAsync(client, Encoding.UTF8.GetBytes(FirstList), "第一批.csv")).GetProperty("chamberIds").EnumerateArray()
            .Select(i => i.GetString()!).ToList();

        // An edit replaces every field: the contact goes, the type and figures change.
        var edit = new
        {
            name = "鹿城区五马街道商会", type = "Regional", district = "鹿城区", contact = "", email = "wuma@chamber.example; office@chamber.example",
            phone = "0577-1", memberCount = 130, enterpriseMemberCount = 110,
        };
        var edited = await client.PutAsJsonAsync($"/api/chambers/{ids[0]}", edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var wuma = await client.GetFromJsonAsync<JsonElement>($"/api/chambers/{ids[0]}");
        Assert.Equal(("Regional", 130, JsonValueKind.Null), (wuma.GetProperty("type").GetString(), wuma.GetProperty("memberCount").GetInt32(), wuma.GetProperty("contact").ValueKind));
        Assert.Equal("wuma@chamber.example; office@chamber.example", wuma.GetProperty("email").GetString());

        // What an import refuses, an edit refuses too, all reasons at once, and nothing changes; another chamber's name is taken.
        var bad = await client.PutAsJsonAsync($"/api/chambers/{ids[0]}", new { name = "", email = "not-an-address", memberCount = 10, enterpriseMemberCount = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var reasons = await bad.Content.ReadAsStringAsync();
        Assert.Contains("名称为空", reasons, StringComparison.Ordinal);
        Assert.Contains("not-an-address", reasons, StringComparison.Ordinal);
        Assert.Contains("企业会员数大于会员数", reasons, StringComparison.Ordinal);
        var taken = await client.PutAsJsonAsync($"/api/chambers/{ids[0]}", edit with { name = "温州市服装商会" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("已有“温州市服装商会”", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(130, (await client.GetFromJsonAsync<JsonElement>($"/api/chambers/{ids[0]}")).GetProperty("memberCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/chambers/nope", edit)).StatusCode);

        // The districts for the filter; a chamber in a campaign stays, one in none goes.
        Assert.Equal(["鹿城区", "龙湾区"], (await client.GetFromJsonAsync<string[]>("/api/chambers/districts"))!.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "2026年度“四好”商会创建活动", year = 2026, templateId = "four-good-campaign", participantIds = new[] { ids[1] },
        })).StatusCode);
        var inUse = await client.DeleteAsync($"/api/chambers/{ids[1]}");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains("2026年度“四好”商会创建活动", await inUse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/chambers/{ids[2]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/chambers/{ids[2]}")).StatusCode);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/chambers")).GetProperty("total").GetInt32());

        // The template, filled in as it comes, imports without a complaint.
        var template = await client.GetByteArrayAsync("/api/chambers/template.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], template[..3]);
        var imported = await ImportAsync(client, template, "商会名录模板.csv");
        Assert.Empty(imported.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, imported.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task An_unreadable_or_oversized_file_gets_a_clear_400_and_changes_nothing()
    {
        await using var host = new HostFactory(_database);
        using var client = await host.SignedInClientAsync();

        var noHeader = await PostFileAsync(client, Encoding.UTF8.GetBytes("张三,123\n李四,456\n"), "x.csv");
        Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        Assert.Contains("名称", await noHeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var huge = await PostFileAsync(client, new byte[6 * 1024 * 1024], "big.csv");
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);

        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/chambers/import", json)).StatusCode);

        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/chambers")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_directory_is_not_open_to_anonymous_callers_or_forged_requests()
    {
        await using var host = new HostFactory(_database);
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/chambers")).StatusCode);

        using var signedIn = await host.SignedInClientAsync();
        signedIn.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFileAsync(signedIn, Encoding.UTF8.GetBytes(FirstList), "x.csv")).StatusCode);
        signedIn.DefaultRequestHeaders.Add("X-XSRF-TOKEN", "forged");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFileAsync(signedIn, Encoding.UTF8.GetBytes(FirstList), "x.csv")).StatusCode);
        Assert.Equal(0, (await signedIn.GetFromJsonAsync<JsonElement>("/api/chambers")).GetProperty("total").GetInt32());
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] content, string fileName)
    {
        var response = await PostFileAsync(client, content, fileName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/chambers/import", form);
    }
}

public sealed class SqliteChamberApiTests() : ChamberApiTests(StorageProvider.Sqlite);

public sealed class PostgresChamberApiTests() : ChamberApiTests(StorageProvider.Postgres);
