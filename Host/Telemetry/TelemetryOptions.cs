namespace Chamber.Host.Telemetry;

/// <summary>Configuration section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// A port of this Host (it must be among <c>--urls</c>, on a private address) where
    /// <c>/metrics</c> answers Prometheus without a sign-in; on every other port it is not served.
    /// When 0 (the default), <c>/metrics</c> is served on the Host's own port to administrators only.
    /// </summary>
    public int MetricsPort { get; set; }

    /// <summary>
    /// An OpenTelemetry collector (OTLP, e.g. <c>http://127.0.0.1:4317</c>) to send traces and
    /// metrics to; the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works too. Unset: no traces are kept.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }
}
