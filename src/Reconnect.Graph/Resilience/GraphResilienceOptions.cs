using System.ComponentModel.DataAnnotations;

namespace Reconnect.Graph.Resilience;

/// <summary>
/// The one retry policy for Microsoft Graph calls, per mailbox. Bound from the "Graph:Resilience" section:
/// <code>
/// "Graph": { "Resilience": {
///   "MaxRetryAttempts": 8, "BaseDelay": "00:00:01", "MaxDelay": "00:00:30", "MaxRetryAfter": "00:02:00",
///   "AttemptTimeout": "00:01:00", "TotalTimeout": "00:05:00",
///   "BreakerFailureRatio": 0.5, "BreakerMinimumThroughput": 20, "BreakerSamplingDuration": "00:00:30", "BreakerBreakDuration": "00:00:05" } }
/// </code>
/// The concurrency cap is <c>Graph:MaxConcurrentRequests</c> (Outlook allows 4 per mailbox).
/// </summary>
public sealed class GraphResilienceOptions
{
    public const string SectionName = "Graph:Resilience";

    /// <summary>Retries after the first attempt, for 429, 5xx, timeouts, resets and cut bodies.</summary>
    [Range(0, 50)]
    public int MaxRetryAttempts { get; set; } = 8;

    /// <summary>First delay of the exponential, jittered backoff used when Graph gives no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest Retry-After honoured; a longer one fails the request rather than stall the sync.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time allowed to one attempt, body included (a 1,000-message page is a few MB).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time allowed to one request, retries and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of failed attempts (5xx, resets, timeouts; not 429) in the sampling window that opens the breaker.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker refuses calls to the mailbox before it lets one through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
