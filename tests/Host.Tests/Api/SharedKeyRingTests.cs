using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Host.Tests.Api;

/// <summary>Two hosts on one database accept each other's sign-in cookies and anti-forgery tokens (no sticky sessions).</summary>
public abstract class SharedKeyRingTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task A_session_started_on_one_host_works_on_another()
    {
        await using var first = new HostFactory(_database);
        await using var second = new HostFactory(_database);
        var options = new WebApplicationFactoryClientOptions { HandleCookies = false };
        using var one = first.CreateClient(options);
        using var two = second.CreateClient(options);

        var login = await one.PostAsJsonAsync("/api/auth/login", new { email = HostFactory.AdminEmail, password = HostFactory.AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("antiforgeryToken").GetString();
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-definitions/import")
        {
            Content = new StringContent(Definitions.Read("hello-world.json"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cookie", cookies);
        request.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Created, (await two.SendAsync(request)).StatusCode);

        await using var db = await first.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Auth.HostDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(db.DataProtectionKeys);

        // And without the cookie the second host refuses.
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/api/workflow-definitions");
        Assert.Equal(HttpStatusCode.Unauthorized, (await two.SendAsync(anonymous)).StatusCode);
    }
}

public sealed class SqliteSharedKeyRingTests() : SharedKeyRingTests(StorageProvider.Sqlite);

public sealed class PostgresSharedKeyRingTests() : SharedKeyRingTests(StorageProvider.Postgres);
