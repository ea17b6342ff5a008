using Microsoft.AspNetCore.StaticFiles;

namespace Chamber.Host.WebClient;

/// <summary>
/// Serves the built web client (Host/ClientApp, built into wwwroot). Vite names every script and
/// style sheet after its content (<c>assets/DesignerPage-BrWytCOr.js</c>), so a name never changes
/// meaning: browsers keep them for a year without asking again, and a returning user's page loads
/// without a round trip per file. <c>index.html</c>, which names the current ones, is checked on
/// every visit, so a new version of the client is picked up at once.
/// </summary>
public static class WebClientFiles
{
    public const string AssetCaching = "public, max-age=31536000, immutable";
    public const string PageCaching = "no-cache";

    private static readonly StaticFileOptions Options = new() { OnPrepareResponse = SetCaching };

    public static IApplicationBuilder UseWebClientFiles(this IApplicationBuilder app) =>
        app.UseDefaultFiles().UseStaticFiles(Options);

    /// <summary>Every path that is not the API opens the single-page app, which routes itself.</summary>
    public static IEndpointConventionBuilder MapWebClientFallback(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallbackToFile("index.html", Options);

    private static void SetCaching(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl =
            context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) ? AssetCaching : PageCaching;
}
