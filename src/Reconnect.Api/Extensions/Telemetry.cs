using OpenTelemetry;
using OpenTelemetry.Metrics;
using Reconnect.Api.Sync;

namespace Reconnect.Api.Extensions;

internal static class Telemetry
{
    /// <summary>
    /// OpenTelemetry metrics: HTTP server and client, and the sync's own (<see cref="SyncMetrics"/>).
    /// They are exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector, the
    /// standard OpenTelemetry setting; without one they are collected and go nowhere.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var metrics = builder.Services.AddOpenTelemetry().WithMetrics(meters => meters
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddMeter(SyncMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            metrics.UseOtlpExporter();
        }

        return builder;
    }
}
