using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chamber.Host.Tests;

/// <summary>The real Host (Program) on a real database, served in memory to an HttpClient.</summary>
public sealed class HostFactory(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "测试密码-Test-1234";

    public TestDatabase Database { get; } = database;

    /// <summary>Where this host writes e-mails when no SMTP server is configured (a fresh folder per host).</summary>
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "ccw-tests", "mail-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Workflows", Database.ConnectionString);
        builder.UseSetting("Seed:AdminEmail", AdminEmail);
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.UseSetting("Portal:BaseUrl", "https://fic.example");
        // Tests import the workflows they need; those that want the shipped ones name the folder.
        builder.UseSetting("Seed:ShippedDefinitions", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }

    /// <summary>A client signed in as the seeded administrator, sending the anti-forgery token on every call.</summary>
    public Task<HttpClient> SignedInClientAsync() => SignedInClientAsync(AdminEmail, AdminPassword);

    /// <summary>A client signed in as the given user, sending the anti-forgery token on every call.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var user = await response.Content.ReadFromJsonAsync<SignedIn>();
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", user!.AntiforgeryToken);
        return client;
    }

    private sealed record SignedIn(string Email, string AntiforgeryToken);
}

/// <summary>One database and one Host for all tests of a class.</summary>
public abstract class HostFixture(StorageProvider provider) : IAsyncLifetime
{
    public HostFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new HostFactory(await TestDatabase.CreateAsync(provider));
        Client = await Factory.SignedInClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }
}

public sealed class SqliteHostFixture() : HostFixture(StorageProvider.Sqlite);

public sealed class PostgresHostFixture() : HostFixture(StorageProvider.Postgres);
