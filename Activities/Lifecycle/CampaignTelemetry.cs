using System.Diagnostics.Metrics;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>Campaign metrics on .NET's <see cref="Meter"/> (see <c>WorkflowTelemetry</c> for why static).</summary>
public static class CampaignTelemetry
{
    public const string Name = "Chamber.Campaigns";

    private static readonly Meter Meter = new(Name);

    /// <summary>Its rate is a launch's progress; the remaining count is the Host's gauge.</summary>
    public static readonly Counter<long> ParticipantsLaunched =
        Meter.CreateCounter<long>("chamber.campaign.participants.launched", "{participant}", "Participants whose workflow a campaign launch started.");
}
