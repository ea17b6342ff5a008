using Chamber.Host.Email;
using Chamber.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chamber.Host.Health;

/// <summary>The database answers a query.</summary>
internal sealed class DatabaseReadinessCheck(IDbContextFactory<WorkflowsDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName?.Split('.').Last()} answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

/// <summary>
/// Mail could go out: the SMTP server accepts a connection (TLS and AUTH as configured) and a
/// NOOP, or the pickup folder takes a file. A load balancer probing every few seconds would
/// otherwise open as many SMTP sessions, so an answer is kept for 30 seconds.
/// </summary>
internal sealed class MailReadinessCheck(IMailTransport transport, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);
    private (HealthCheckResult Result, long At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_last is { } last && clock.GetElapsedTime(last.At) < KeptFor)
            return last.Result;
        HealthCheckResult result;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            result = HealthCheckResult.Healthy(await transport.CheckAsync(timeout.Token));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = HealthCheckResult.Unhealthy($"Mail cannot go out: {e.Message}");
        }

        _last = (result, clock.GetTimestamp());
        return result;
    }
}
