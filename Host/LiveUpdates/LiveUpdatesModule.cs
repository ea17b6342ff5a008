using System.Net.ServerSentEvents;
using System.Security.Claims;
using Chamber.Campaigns.Lifecycle;
using Chamber.Host.Auth;
using Chamber.Host.Tasks;
using Chamber.Workflows.Runtime;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Chamber.Host.LiveUpdates;

/// <summary>
/// Live updates for the web client: the engine's and the campaigns' notifications (Mediator)
/// become server-sent events on <c>GET /api/live</c>, so the inbox badge, a campaign's page and a
/// running instance's view change without a reload.
/// </summary>
public static class LiveUpdatesModule
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<LiveUpdateHub>();
        return services;
    }

    public static void MapLiveUpdateEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/live", async (ClaimsPrincipal user, LiveUpdateHub hub, IAuthorizationService authorization, FederationScope scope, CancellationToken ct) =>
            {
                var tags = user.ToTaskActor().Tags.ToHashSet(StringComparer.Ordinal);
                var oversees = (await authorization.AuthorizeAsync(user, Policies.Oversee)).Succeeded;
                // A federation's account hears of its own campaigns only (those it had when its stream opened).
                var campaigns = await scope.VisibleCampaignsAsync(user, ct);
                return TypedResults.ServerSentEvents(Stream(hub.ListenAsync(tags, oversees, TimeSpan.FromSeconds(25), ct, campaigns)));
            })
            .WithTags("Live").RequireAuthorization().ExcludeFromDescription();

    private static async IAsyncEnumerable<SseItem<string>> Stream(IAsyncEnumerable<LiveEvent> events)
    {
        await foreach (var change in events)
            yield return new SseItem<string>(change.Id ?? "", change.Type);
    }
}

/// <summary>A step of an instance: its overseers refresh it, and whoever holds a task it created or removed refreshes their inbox.</summary>
public sealed class InstanceCommittedHandler(LiveUpdateHub hub) : INotificationHandler<WorkflowInstanceCommitted>
{
    public ValueTask Handle(WorkflowInstanceCommitted notification, CancellationToken cancellationToken)
    {
        hub.ToOverseers(new LiveEvent("instance", notification.InstanceId), notification.CorrelationId);
        hub.ToTagHolders(notification.TaskTags, new LiveEvent("tasks"));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Participants reached new stages: the campaign's page refreshes its counts.</summary>
public sealed class CampaignProgressedHandler(LiveUpdateHub hub) : INotificationHandler<CampaignProgressed>
{
    public ValueTask Handle(CampaignProgressed notification, CancellationToken cancellationToken)
    {
        foreach (var campaignId in notification.CampaignIds)
            hub.ToOverseers(new LiveEvent("campaign", campaignId), campaignId);
        return ValueTask.CompletedTask;
    }
}
