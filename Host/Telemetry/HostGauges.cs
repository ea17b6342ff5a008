using System.Diagnostics.Metrics;
using Chamber.Campaigns.Lifecycle;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Telemetry;

/// <summary>
/// What is measured by looking rather than counting: the outbox's depth per channel and the
/// participants still to be launched. Read from the database when metrics are collected (once
/// per scrape), so every host reports the same shared figure.
/// </summary>
public sealed class HostGauges
{
    public const string MeterName = "Chamber.Host";

    public HostGauges(IMeterFactory meters, OutboxStore outbox, IDbContextFactory<CampaignDbContext> campaigns)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("chamber.outbox.waiting", () => outbox.CountWaiting()
                .Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("channel", c.Key))),
            "{message}", "Outbox messages waiting to be delivered (pending or being sent).");
        meter.CreateObservableGauge("chamber.campaign.launch.remaining", () =>
            {
                using var db = campaigns.CreateDbContext();
                return db.Campaigns.Where(c => c.Status == CampaignStatus.Launching).Sum(c => c.ParticipantCount - c.LaunchedCount);
            },
            "{participant}", "Participants of launching campaigns whose workflow has not started yet.");
    }
}
