using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Reconnect.Api.Sync;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Sync;

public sealed class SyncMetricsTests
{
    [Fact]
    public async Task ASyncRecordsItsPagesMessagesSkipsAndDuration()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, settings: new Dictionary<string, string?> { ["Graph:PageSize"] = "5" });
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var pages = new MetricCollector<long>(meters, SyncMetrics.MeterName, "reconnect.sync.pages");
        using var messages = new MetricCollector<long>(meters, SyncMetrics.MeterName, "reconnect.sync.messages");
        using var skipped = new MetricCollector<long>(meters, SyncMetrics.MeterName, "reconnect.sync.skipped");
        using var duration = new MetricCollector<double>(meters, SyncMetrics.MeterName, "reconnect.sync.duration");

        var status = await app.SyncAsync();

        Assert.Equal(status.MessagesProcessed, messages.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(status.ItemsSkipped, skipped.GetMeasurementSnapshot().Sum(m => m.Value));
        // Five-message pages over the sample's folders: more pages than folders (several may be applied in one commit).
        Assert.True(pages.GetMeasurementSnapshot().Sum(m => m.Value) > 6);
        var finished = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal("completed", finished.Tags["outcome"]);
        Assert.True(finished.Value > 0);
    }
}
