using Chamber.Campaigns.Lifecycle;
using Chamber.Host.Auth;
using Chamber.Workflows.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Chamber.Host.Telemetry;

/// <summary>
/// OpenTelemetry: the engine's, campaigns' and Host's meters, ASP.NET Core's and the runtime's, as
/// a Prometheus scrape at <c>/metrics</c> (administrators, or a private port); traces of workflow
/// steps and requests go to an OTLP collector when one is configured.
/// </summary>
public static class TelemetryModule
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddChamberTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Telemetry");
        services.Configure<TelemetryOptions>(section);
        var otlp = section.GetValue<Uri?>(nameof(TelemetryOptions.OtlpEndpoint))
            ?? (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard ? new Uri(standard) : null);
        services.AddSingleton<HostGauges>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("chamber-campaign-workflows", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(WorkflowTelemetry.Name, CampaignTelemetry.Name, HostGauges.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null)
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        // Spans are only made when someone collects them.
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(WorkflowTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/api/live"))
                .AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return services;
    }

    /// <summary>
    /// <c>/metrics</c>: on the private <see cref="TelemetryOptions.MetricsPort"/> for anyone who
    /// reaches it (Prometheus), else on the Host's port for administrators. Called ahead of
    /// authentication, which the private port's middleware must come before.
    /// </summary>
    public static void UseMetricsEndpoint(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<HostGauges>(); // its gauges exist from now on
        var port = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.MetricsPort;
        if (port > 0)
            // The local port the connection came in on, not the Host header (which a client chooses).
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Connection.LocalPort == port && context.Request.Path == MetricsPath);
        else
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Administer);
    }
}
