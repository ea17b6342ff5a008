using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Chamber.Workflows.Diagnostics;

/// <summary>
/// The engine's metrics and traces, on .NET's own <see cref="Meter"/> and <see cref="ActivitySource"/>
/// (what OpenTelemetry listens to): a Host subscribes with <c>AddMeter(Name)</c> and
/// <c>AddSource(Name)</c>; without a listener they cost a null check. Static, as .NET's own libraries
/// keep theirs: the instruments are process-wide and carry no per-host state.
/// </summary>
public static class WorkflowTelemetry
{
    public const string Name = "Chamber.Workflows";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> InstancesStarted =
        Meter.CreateCounter<long>("chamber.workflow.instances.started", "{instance}", "Workflow instances started.");

    /// <summary>
    /// Tagged <c>status</c>: Finished, Cancelled, or Faulted (a faulted instance can be retried, and
    /// counts again if it faults again).
    /// </summary>
    public static readonly Counter<long> InstancesEnded =
        Meter.CreateCounter<long>("chamber.workflow.instances.ended", "{instance}", "Workflow instances that finished, faulted or were cancelled.");

    public static readonly Histogram<double> TimerLateness = Meter.CreateHistogram<double>("chamber.workflow.timer.lateness", "s",
        "How long after its due time a timer fired.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900] });

    /// <summary>Tagged <c>channel</c> (email, …) and <c>outcome</c> (sent, failed).</summary>
    public static readonly Counter<long> OutboxDeliveries =
        Meter.CreateCounter<long>("chamber.outbox.deliveries", "{message}", "Outbox messages handed to their channel: sent, or failed (to be retried or given up).");

    /// <summary>A counter's tag, without an allocation per call.</summary>
    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
