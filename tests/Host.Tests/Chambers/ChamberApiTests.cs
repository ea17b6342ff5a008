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
