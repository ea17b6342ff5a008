using System.Text.Json;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chamber.Host.Health;

/// <summary>
/// <c>/api/health</c>: the process is alive and reaches its database (liveness).
/// <c>/api/health/ready</c>: it can do its work — database, timer scheduler, mail — so a load
/// balancer sends it traffic (readiness); 503 with the failing part named when not.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The database and mail checks; the engine registers Quartz's own check of its timer scheduler ("scheduler").</summary>
    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddSingleton<MailReadinessCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database")
            .AddCheck<MailReadinessCheck>("mail");
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", async (IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ok" })
                : Results.Problem(title: ReaderText.Of("数据库不可用", "Database unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health");
        app.MapHealthChecks("/api/health/ready", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
