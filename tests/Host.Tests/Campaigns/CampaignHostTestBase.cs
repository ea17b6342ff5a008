namespace Chamber.Host.Tests.Campaigns;

/// <summary>
/// A Host for a campaign's year: the manual clock at 1 April 2026, the shipped templates, and
/// portal links that outlive the year, so a test can play every part through the HTTP API.
/// </summary>
public abstract class CampaignHostTestBase(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Clock:Mode"] = "Manual",
        ["Clock:Start"] = "2026-04-01T01:00:00Z",
        ["Seed:DefinitionsPath"] = Path.Combine(AppContext.BaseDirectory, "ShippedDefinitions"),
        ["Portal:LinkLifetime"] = "400.00:00:00",
    };

    /// <summary>A chamber's portal token, as the link staff issue for it carries it.</summary>
    protected async Task<string> PortalTokenAsync(string chamberId) =>
        (await (await Admin.PostAsync($"/api/chambers/{chamberId}/portal-link", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("link").GetString()!.Split("/portal/")[1];
}
