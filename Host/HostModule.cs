using System.Threading.RateLimiting;
using Chamber.Campaigns;
using Chamber.Host.Auth;
using Chamber.Host.Calendar;
using Chamber.Host.Campaigns;
using Chamber.Host.Chambers;
using Chamber.Host.Clock;
using Chamber.Host.Email;
using Chamber.Host.Errors;
using Chamber.Host.Evidence;
using Chamber.Host.Health;
using Chamber.Host.Honours;
using Chamber.Host.Jobs;
using Chamber.Host.Ledgers;
using Chamber.Host.LiveUpdates;
using Chamber.Host.Localization;
using Chamber.Host.Meetings;
using Chamber.Host.Portal;
using Chamber.Host.Reviews;
using Chamber.Host.Security;
using Chamber.Host.Submissions;
using Chamber.Host.Tasks;
using Chamber.Host.Telemetry;
using Chamber.Host.Titles;
using Chamber.Host.WebClient;
using Chamber.Host.WorkflowApi;
using Chamber.Workflows;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Persistence;
using Microsoft.Extensions.Options;

namespace Chamber.Host;

/// <summary>Wires the Host from configuration (DESIGN §6): storage, auth, API, errors, OpenAPI.</summary>
public static class HostModule
{
    public static WebApplicationBuilder AddChamberHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Under systemd (Type=notify): ready once listening, journal priorities on each log line. A
        // formatter chosen in configuration (json) still wins over the journal's.
        builder.Host.UseSystemd();
        if (configuration["Logging:Console:FormatterName"] is { Length: > 0 } formatter)
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.FormatterName = formatter);
        builder.AddChamberClock();
        builder.Services.AddWorkflowEngine(storage => ConfigureStorage(storage, configuration));
        builder.Services.AddCampaigns();
        builder.Services.AddChamberAuth(configuration);
        builder.Services.AddChamberEmail(configuration);
        builder.Services.AddChamberJobs(configuration);
        builder.Services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Singleton);
        builder.Services.AddLiveUpdates();
        builder.Services.AddChamberTelemetry(configuration);
        builder.Services.AddReadinessChecks();
        builder.Services.Configure<Chamber.Campaigns.Portal.PortalOptions>(configuration.GetSection("Portal"));
        // The organizer of meeting invitations: its own setting, else whoever sends the e-mail.
        builder.Services.AddOptions<Chamber.Campaigns.Meetings.MeetingOptions>().Bind(configuration.GetSection("Meetings"))
            .PostConfigure<IOptions<EmailOptions>>((meetings, email) => meetings.Organizer ??= email.Value.From);
        RequirePortalBaseUrl(builder);
        builder.Services.AddChamberForwardedHeaders(configuration);
        builder.Services.Configure<Chamber.Campaigns.Escalations.LeaderDigestOptions>(configuration.GetSection("LeaderDigest"));
        builder.Services.Configure<Chamber.Workflows.Expressions.ExpressionOptions>(configuration.GetSection("Expressions"));
        builder.Services.Configure<Chamber.Workflows.Timers.TimerOptions>(configuration.GetSection("Timers"));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => Json.ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi();
        builder.Services.Configure<Runtime.IdleMemoryOptions>(configuration.GetSection("Memory"));
        builder.Services.AddHostedService<Runtime.IdleMemoryTrimmer>();
        // Password guessing: ten sign-in attempts a minute per client address, unless configured.
        var signInsPerMinute = Math.Max(1, builder.Configuration.GetValue("Auth:SignInAttemptsPerMinute", 10));
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(AuthModule.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            // The portal is open to anyone holding a link: sixty calls a minute per link is plenty for a
            // person (guessing a link is hopeless: it is authenticated encryption under the key ring).
            options.AddPolicy(PortalEndpoints.PortalRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Request.RouteValues["token"] as string ?? context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = (context, _) => new ValueTask(Results.Problem(
                title: ReaderText.Of("尝试次数过多，请稍后再试", "Too many attempts, try again later."),
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext));
        });
        // No API call needs more; definition imports have their own, lower limit.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 10 * 1024 * 1024);
        return builder;
    }

    /// <summary>Where the data lives: <c>Storage:Provider</c> and <c>ConnectionStrings:Workflows</c>, else <c>data/workflows.db</c> under the working directory.</summary>
    public static void ConfigureStorage(StorageOptions storage, IConfiguration configuration)
    {
        storage.Provider = configuration.GetValue("Storage:Provider", StorageProvider.Sqlite);
        storage.ConnectionString = configuration.GetConnectionString("Workflows")
            ?? (storage.Provider == StorageProvider.Sqlite
                ? $"Data Source={Path.Combine(Directory.GetCurrentDirectory(), "data", "workflows.db")}"
                : throw new HostConfigurationException("Storage:Provider is Postgres but ConnectionStrings:Workflows is not set."));
    }

    /// <summary>
    /// Every chamber e-mail carries a link that starts with <c>Portal:BaseUrl</c>: outside
    /// Development a Host without it would mail dead links, so it does not start.
    /// </summary>
    private static void RequirePortalBaseUrl(WebApplicationBuilder builder)
    {
        var baseUrl = builder.Configuration["Portal:BaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            if (builder.Environment.IsDevelopment())
                return;
            throw new HostConfigurationException(
                "Portal:BaseUrl is not set: chambers' e-mails would carry links nobody can open. Set it to the public address " +
                "people reach the Host at, e.g. Portal__BaseUrl=https://campaigns.fic.example.cn (ops/run sets the address it serves).");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new HostConfigurationException($"Portal:BaseUrl '{baseUrl}' is not an http(s) address.");
    }

    public static async Task<WebApplication> UseChamberHostAsync(this WebApplication app)
    {
        await app.Services.MigrateWorkflowDatabaseAsync();
        // What a Host writes on start is written by one Host at a time: Hosts starting together take turns.
        await using (await app.Services.GetRequiredService<AdvisoryLock>().AcquireAsync("host-seed"))
        {
            await app.Services.SeedAdministratorAsync();
            await app.Services.SeedDefinitionsAsync();
        }

        // First: everything after it (the rate limit, cookies, links) sees the client's address and scheme.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // Before authentication: on the private metrics port, Prometheus scrapes without a sign-in.
        app.UseMetricsEndpoint();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseReaderLanguage();
        app.UseWebClientFiles();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgeryForApi();
        app.MapJobDashboard();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapLiveUpdateEndpoints();
        app.MapMeetingEndpoints();
        app.MapCampaignMeetingEndpoints();
        app.MapUserEndpoints();
        app.MapPasswordEndpoints();
        app.MapDefinitionEndpoints();
        app.MapInstanceEndpoints();
        app.MapCalendarEndpoints();
        app.MapOutboxEndpoints();
        app.MapEmailTemplateEndpoints();
        app.MapChamberEndpoints();
        app.MapTaskEndpoints();
        app.MapPortalEndpoints();
        app.MapEvidenceEndpoints();
        app.MapSubmissionFileEndpoints();
        app.MapCampaignEndpoints();
        app.MapHonourEndpoints();
        app.MapTitleEndpoints();
        app.MapLedgerEndpoints();
        app.MapRubricEndpoints();
        app.MapClockEndpoints(app.Services.GetRequiredService<TimeProvider>());
        if (app.Environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            // The web client: every path that is not the API opens the single-page app, which routes itself.
            app.MapWebClientFallback().AllowAnonymous();
            app.MapFallback("/api/{**path}", (string path) => Problems.NotFound(ReaderText.Of($"没有这个接口", $"No such API: /api/{path}"))).AllowAnonymous();
        }
        else
        {
            app.MapGet("/", () => Results.Content(LandingPage, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    // When the web client has not been built (Host/ClientApp, `npm run build` or ops/run).
    private static string LandingPage => ReaderText.Of("""
        <!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>商会创建活动工作流</title>
        <body style="font-family:sans-serif;max-width:40em;margin:3em auto">
        <h1>商会创建活动工作流</h1><p>服务正在运行，网页端尚未构建。</p>
        <ul><li>登录：<code>POST /api/auth/login</code></li>
        <li>接口文档：<a href="/openapi/v1.json">/openapi/v1.json</a></li>
        <li>健康检查：<a href="/api/health">/api/health</a></li></ul></body></html>
        """, """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>Chamber Campaign Workflows</title>
        <body style="font-family:sans-serif;max-width:40em;margin:3em auto">
        <h1>Chamber Campaign Workflows</h1><p>The service is running; the web client has not been built.</p>
        <ul><li>Sign in: <code>POST /api/auth/login</code></li>
        <li>API description: <a href="/openapi/v1.json">/openapi/v1.json</a></li>
        <li>Health: <a href="/api/health">/api/health</a></li></ul></body></html>
        """);
}
