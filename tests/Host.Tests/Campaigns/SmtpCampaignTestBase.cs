namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// A Host for a campaign's year with its mail going to a real SMTP server: the manual clock at
/// 1 April 2026, the shipped templates, portal links that outlive the year, and the server
/// started before the Host and stopped after it.
/// </summary>
public abstract class SmtpCampaignTestBase(StorageProvider provider, SmtpServer smtp) : HostTestBase(provider)
{
    protected SmtpServer Smtp { get; } = smtp;

    /// <summary>Settings of the test beside the common ones (which they may override).</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string>();

    protected sealed override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["Clock:Mode"] = "Manual",
                ["Clock:Start"] = "2026-04-01T01:00:00Z",
                ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:PollInterval"] = "00:00:00.200",
                ["Portal:LinkLifetime"] = "400.00:00:00",
            };
            foreach (var (key, value) in MoreSettings)
                settings[key] = value;
            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>An account of a federation (a district's staff, say), which sees and runs that federation's campaigns only.</summary>
    protected async Task CreateFederationUserAsync(string email, string role, string federationId)
    {
        var created = await Admin.PostAsJsonAsync("/api/users", new { email, displayName = email.Split('@')[0], password = UserPassword, roles = new[] { role }, federationId });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    /// <summary>The one campaign a district's account sees, once the city's campaign has opened it.</summary>
    protected static async Task<JsonElement> OwnCampaignAsync(HttpClient federationStaff)
    {
        JsonElement[] campaigns = [];
        await CampaignDriver.WaitAsync(async () => (campaigns = [.. (await federationStaff.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray()]).Length > 0);
        return Assert.Single(campaigns);
    }

    /// <summary>The token of the unit's personal portal link.</summary>
    protected async Task<string> PortalTokenAsync(string unitId) =>
        (await (await Admin.PostAsync($"/api/chambers/{unitId}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("link").GetString()!.Split("/portal/")[1];
}
