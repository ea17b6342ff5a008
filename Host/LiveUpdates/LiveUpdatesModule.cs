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
        services.AddSingleton<CampaignOwners>();
        return services;
    }

    public static void MapLiveUpdateEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/live", async (ClaimsPrincipal user, LiveUpdateHub hub, IAuthorizationService authorization, FederationScope scope, CancellationToken ct) =>
            {
                var tags = user.ToTaskActor().Tags.ToHashSet(StringComparer.Ordinal);
                var oversees = (await authorization.AuthorizeAsync(user, Policies.Oversee)).Succeeded;
                // A federation's account hears of its own campaigns only, and those of the federations under it.
                var federations = await scope.VisibleFederationsAsync(user, ct);
                return TypedResults.ServerSentEvents(Stream(hub.ListenAsync(tags, oversees, TimeSpan.FromSeconds(25), ct, federations)));
            })
            .WithTags("Live").RequireAuthorization().ExcludeFromDescription();

    private static async IAsyncEnumerable<SseItem<string>> Stream(IAsyncEnumerable<LiveEvent> events)
    {
        await foreach (var change in events)
            yield return new SseItem<string>(change.Id ?? "", change.Type);
    }
}

/// <summary>A step of an instance: its overseers refresh it, and whoever holds a task it created or removed refreshes their inbox.</summary>
public sealed class InstanceCommittedHandler(LiveUpdateHub hub, CampaignOwners owners) : INotificationHandler<WorkflowInstanceCommitted>
{
    public async ValueTask Handle(WorkflowInstanceCommitted notification, CancellationToken cancellationToken)
    {
        // A campaign's instances are correlated by its id; its owner is looked up only when a federation's account listens.
        var federation = hub.HasFederationListeners && notification.CorrelationId is { } campaignId
            ? await owners.FederationOfAsync(campaignId, cancellationToken)
            : null;
        hub.ToOverseers(new LiveEvent("instance", notification.InstanceId), federation);
        hub.ToTagHolders(notification.TaskTags, new LiveEvent("tasks"));
    }
}

/// <summary>Participants reached new stages: the campaign's page refreshes its counts.</summary>
public sealed class CampaignProgressedHandler(LiveUpdateHub hub, CampaignOwners owners) : INotificationHandler<CampaignProgressed>
{
    public async ValueTask Handle(CampaignProgressed notification, CancellationToken cancellationToken)
    {
        foreach (var campaignId in notification.CampaignIds)
            hub.ToOverseers(new LiveEvent("campaign", campaignId), hub.HasFederationListeners ? await owners.FederationOfAsync(campaignId, cancellationToken) : null);
    }
}
