using Chamber.Host.WebClient;

namespace Chamber.Host.Tests.Api;

/// <summary>The built client as the Host serves it: content-named files kept by browsers, the page that names them checked on each visit.</summary>
public sealed class WebClientFilesTests : HostTestBase
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("ccw-webroot-").FullName;

    public WebClientFilesTests() : base(StorageProvider.Sqlite)
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        File.WriteAllText(Path.Combine(_webRoot, "index.html"), "<!doctype html><script type=\"module\" src=\"/assets/index-Ab12Cd34.js\"></script>");
        File.WriteAllText(Path.Combine(_webRoot, "assets", "index-Ab12Cd34.js"), "console.log('client');");
    }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["webroot"] = _webRoot };

    [Fact]
    public async Task Content_named_assets_are_kept_for_a_year_and_the_page_naming_them_is_revalidated_on_every_visit()
    {
        using var browser = Host.CreateClient();

        var asset = await browser.GetAsync("/assets/index-Ab12Cd34.js");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(WebClientFiles.AssetCaching, asset.Headers.CacheControl?.ToString());

        foreach (var path in new[] { "/", "/designer/four-good-campaign", "/portal/some-token" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("/assets/index-Ab12Cd34.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(page.Headers.CacheControl?.NoCache, $"{path} must be revalidated: {page.Headers.CacheControl}");
        }

        // The API is not the client: an unknown API path is a problem, not the page.
        var api = await browser.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Null(api.Headers.CacheControl?.MaxAge);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }
}
