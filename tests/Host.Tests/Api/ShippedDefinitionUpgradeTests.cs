namespace Chamber.Host.Tests.Api;

/// <summary>
/// The shipped workflows across upgrades: the same database started by successive releases whose
/// shipped file changes, with the department's own edits in between.
/// </summary>
public abstract class ShippedDefinitionUpgradeTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly string _release = Directory.CreateTempSubdirectory("ccw-shipped-").FullName;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_release, recursive: true);
    }

    private static string Definition(string name) => """
        {"definitionId":"shipped-demo","name":"NAME","isPublished":true,"root":{"type":"Elsa.Flowchart","id":"f","activities":[
          {"id":"say","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"NAME"}}}],"connections":[]}}
        """.Replace("NAME", name, StringComparison.Ordinal);

    /// <summary>A release shipping the file, started on the database; returns what it left: (version, status, name) newest first.</summary>
    private async Task<List<(int Version, string Status, string Name)>> StartReleaseAsync(string shippedName, Func<HttpClient, Task>? department = null)
    {
        await File.WriteAllTextAsync(Path.Combine(_release, "shipped-demo.json"), Definition(shippedName));
        await using var host = new HostFactory(_database, new Dictionary<string, string> { ["Seed:DefinitionsPath"] = _release });
        using var admin = await host.SignedInClientAsync();
        var versions = (await admin.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/shipped-demo/versions")).EnumerateArray()
            .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("status").GetString()!, v.GetProperty("name").GetString()!)).ToList();
        if (department is not null)
            await department(admin);
        return versions;
    }

    private static async Task EditAsync(HttpClient admin, string name, bool publish)
    {
        (await admin.PutAsync("/api/workflow-definitions/shipped-demo", new StringContent(Definition(name), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        if (publish)
            (await admin.PostAsync("/api/workflow-definitions/shipped-demo/publish", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_changed_shipped_file_is_published_unless_the_department_changed_the_workflow_whose_version_then_stays()
    {
        Assert.Equal([(1, "Published", "发布一")], await StartReleaseAsync("发布一"));
        // The same release again: nothing new.
        Assert.Equal([(1, "Published", "发布一")], await StartReleaseAsync("发布一"));
        // A release with a changed file, the department never having touched it: the new version is published.
        var upgraded = await StartReleaseAsync("发布二", admin => EditAsync(admin, "本部门修改", publish: true));
        Assert.Equal([(2, "Published", "发布二"), (1, "Superseded", "发布一")], upgraded);

        // After the department's own published version (v3), the next shipped change is a draft beside it.
        var beside = await StartReleaseAsync("发布三", admin => EditAsync(admin, "本部门草稿", publish: false));
        Assert.Equal((4, "Draft", "发布三"), beside[0]);
        Assert.Equal((3, "Published", "本部门修改"), beside[1]);

        // The department's open draft (v4 saved over with their own work) is not pushed aside: the next shipped version waits.
        var waiting = await StartReleaseAsync("发布四");
        Assert.Equal((4, "Draft", "本部门草稿"), waiting[0]);
        Assert.Equal(4, waiting.Count);
    }
}

public sealed class SqliteShippedDefinitionUpgradeTests() : ShippedDefinitionUpgradeTests(StorageProvider.Sqlite);

public sealed class PostgresShippedDefinitionUpgradeTests() : ShippedDefinitionUpgradeTests(StorageProvider.Postgres);
