using System.Diagnostics.Metrics;
using Reconnect.Graph.Resilience;

namespace Reconnect.Api.Sync;

/// <summary>
/// The sync's OpenTelemetry metrics (meter <c>Reconnect.Sync</c>): pages and messages applied,
/// items skipped, Graph retries and throttles, how long each sync took, and syncs the scheduler started. No tag names a user.
/// </summary>
internal sealed class SyncMetrics
{
    public const string MeterName = "Reconnect.Sync";

    private readonly Counter<long> _pages;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _scheduled;

    public SyncMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _pages = meter.CreateCounter<long>("reconnect.sync.pages", "{page}", "Delta pages applied to the index");
        _messages = meter.CreateCounter<long>("reconnect.sync.messages", "{message}", "Messages and removals read from delta pages");
        _skipped = meter.CreateCounter<long>("reconnect.sync.skipped", "{message}", "Items skipped as unusable (no sender, no date, duplicates)");
        _retries = meter.CreateCounter<long>("reconnect.graph.retries", "{request}", "Graph requests retried by the resilience pipeline");
        _throttled = meter.CreateCounter<long>("reconnect.graph.throttled", "{request}", "Graph requests answered 429 and retried after Retry-After");
        _duration = meter.CreateHistogram<double>("reconnect.sync.duration", "s", "How long a sync ran, by outcome");
        _scheduled = meter.CreateCounter<long>("reconnect.sync.scheduled", "{sync}", "Syncs the scheduler started, by reason (refresh or retry)");
    }

    public void PagesApplied(PageOutcome outcome)
    {
        _pages.Add(outcome.Pages);
        _messages.Add(outcome.Processed);
        _skipped.Add(outcome.Skipped);
    }

    public void SyncScheduled(string reason) => _scheduled.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Records a finished sync and the retries its mailbox's pipeline made meanwhile.</summary>
    public void SyncFinished(string outcome, TimeSpan duration, GraphResilienceStats stats, (long Retries, long Throttled) before)
    {
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        _retries.Add(stats.Retries - before.Retries);
        _throttled.Add(stats.Throttled - before.Throttled);
    }
}
