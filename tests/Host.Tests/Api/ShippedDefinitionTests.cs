namespace Chamber.Host.Tests.Api;

/// <summary>The definitions shipped in definitions/workflows are imported on first start and run.</summary>
public sealed class ShippedDefinitionTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
    };

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task The_plan_sign_off_is_imported_once_and_runs_to_its_issued_title()
    {
        await using (var first = new HostFactory(_database, Settings))
        {
            using var client = await first.SignedInClientAsync();
            var started = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "plan-sign-off", input = new { Year = 2026 } });
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            await client.PostAsJsonAsync("/api/events/plan-approved-by-head", new { });
            await client.PostAsJsonAsync("/api/events/plan-approved-by-leader", new { });

            var instance = await client.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}");
            Assert.Equal("Finished", instance.GetProperty("status").GetString());
            Assert.Equal("2026年四好商会创建活动实施方案（2人签批）", instance.GetProperty("output").GetProperty("IssuedTitle").GetString());
        }

        await using var second = new HostFactory(_database, Settings);
        using var again = await second.SignedInClientAsync();
        var versions = await again.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/plan-sign-off/versions");
        Assert.Equal(1, versions.GetArrayLength());
    }
}
