using Chamber.Campaigns.Email;
using Chamber.Host.Auth;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Outbox;
using Chamber.Workflows.Paging;
using Chamber.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Email;

/// <summary>E-mail delivery from the outbox (SMTP, or a pickup folder by default) and the outbox API for administrators.</summary>
public static class EmailModule
{
    public static IServiceCollection AddChamberEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
            ? new PickupMailTransport(sp.GetRequiredService<IOptions<EmailOptions>>())
            : new SmtpMailTransport(sp.GetRequiredService<IOptions<EmailOptions>>(), TimeProvider.System));
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }

    public sealed record OutboxItem(string Id, string Channel, string? Summary, OutboxStatus Status, int Attempts, string? LastError,
        string? InstanceId, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt);


    public static void MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/outbox").WithTags("Outbox").RequireAuthorization(Policies.Administer);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id}/retry", async Task<Results<NoContent, ProblemHttpResult>> (string id, OutboxStore outbox, OutboxSignal signal, CancellationToken ct) =>
        {
            if (await outbox.RequeueAsync(id, ct) is not { } channel)
                return Errors.Problems.Conflict(ReaderText.Of("只有发送失败的邮件可以重发", "Only a message that failed can be sent again."));
            signal.Pulse(channel);
            return TypedResults.NoContent();
        });
        group.MapPost("/retry-failed", async (RetryFailedRequest? request, OutboxStore outbox, OutboxSignal signal, CancellationToken ct) =>
        {
            var channel = string.IsNullOrWhiteSpace(request?.Channel) ? EmailMessage.Channel : request.Channel;
            var requeued = await outbox.RequeueFailedAsync(channel, request?.InstanceId, ct);
            signal.Pulse(channel);
            return TypedResults.Ok(new RetryFailedResult(requeued));
        });
    }

    /// <summary>Which failed messages to send again: a channel's (e-mail when none is named), of one instance when given.</summary>
    public sealed record RetryFailedRequest(string? Channel, string? InstanceId);

    public sealed record RetryFailedResult(int Requeued);

    private static async Task<Ok<ListPage<OutboxItem>>> ListAsync(OutboxStatus? status, string? channel, string? instanceId, [AsParameters] PageRequest page,
        IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = OutboxStore.Listing(db, status, channel, instanceId);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.Size)
            .Select(m => new OutboxItem(m.Id, m.Channel, m.Summary, m.Status, m.Attempts, m.LastError, m.InstanceId, m.CreatedAt, m.NextAttemptAt, m.SentAt))
            .ToListAsync(ct);
        return TypedResults.Ok(page.Of(total, items));
    }
}
