namespace Chamber.Host.Tests;

/// <summary>
/// A test class with its own database and Host, signed in as the administrator: the set-up the
/// campaign-domain tests share (users of given roles, chambers imported from CSV).
/// </summary>
public abstract class HostTestBase(StorageProvider provider) : IAsyncLifetime, IDisposable
{
    /// <summary>The password of every user a test creates.</summary>
    protected const string UserPassword = "测试用户-User-2026";

    protected TestDatabase Database { get; private set; } = null!;

    protected HostFactory Host { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    /// <summary>Configuration for the Host beyond the database and the seeded administrator.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Host = new HostFactory(Database, Settings);
        Admin = await Host.SignedInClientAsync();
    }

    public virtual async Task DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    public void Dispose()
    {
        // xunit disposes through DisposeAsync; this serves the owner-disposes rule.
        Admin?.Dispose();
        Host?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task CreateUserAsync(string email, string role, string? displayName = null)
    {
        var created = await Admin.PostAsJsonAsync("/api/users",
            new { email, displayName = displayName ?? email.Split('@')[0], password = UserPassword, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
    }

    protected Task<HttpClient> SignInAsync(string email) => Host.SignedInClientAsync(email, UserPassword);

    /// <summary>Imports chambers from CSV text (first line the header) and returns their ids in file order.</summary>
    protected async Task<IReadOnlyList<string>> ImportChambersAsync(string csv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "chambers.csv");
        (await Admin.PostAsync("/api/chambers/import", form)).EnsureSuccessStatusCode();
        var names = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var listed = (await Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/chambers?pageSize=500")).GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetString()!);
        return [.. names.Select(n => listed[n])];
    }
}
