using System.ComponentModel.DataAnnotations;

namespace Reconnect.GraphSimulator.Faults;

/// <summary>
/// Failures the simulator injects into Graph (<c>/v1.0</c>) requests, to exercise the product's
/// resilience. Bound from <c>GraphSimulator:Faults</c> (also in the API's demo mode):
/// <code>
/// "Faults": { "Seed": 1, "LatencyMs": 0, "ThrottleRate": 0.2, "RetryAfterSeconds": 1, "ServerErrorRate": 0.05,
///             "ResetRate": 0.02, "TruncateRate": 0.02, "ExpireDeltaTokens": 1, "StrictRetryAfter": true }
/// </code>
/// Rates are shares of requests (0 to 1, together at most 1); each request draws once from a
/// seeded random sequence, so a run with the same seed and the same request order is reproducible.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Seed of the random draws.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Added to every request before it is answered.</summary>
    [Range(0, 60_000)]
    public int LatencyMs { get; set; }

    /// <summary>Share of requests answered 429 <c>TooManyRequests</c> with <c>Retry-After</c>.</summary>
    [Range(0.0, 1.0)]
    public double ThrottleRate { get; set; }

    /// <summary>The <c>Retry-After</c> (seconds) of a 429 or 503.</summary>
    [Range(0, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Share of requests answered 500, 502, 503 (with Retry-After) and 504, in turn.</summary>
    [Range(0.0, 1.0)]
    public double ServerErrorRate { get; set; }

    /// <summary>Share of requests whose connection is dropped before any byte of the answer.</summary>
    [Range(0.0, 1.0)]
    public double ResetRate { get; set; }

    /// <summary>Share of successful answers cut short: half the body is sent, then the connection is dropped.</summary>
    [Range(0.0, 1.0)]
    public double TruncateRate { get; set; }

    /// <summary>How many of the next delta calls that carry a token ($skiptoken or $deltatoken) answer 410 Gone <c>syncStateNotFound</c>.</summary>
    [Range(0, int.MaxValue)]
    public int ExpireDeltaTokens { get; set; }

    /// <summary>
    /// Graph's own rule, enforced: a request repeated before the Retry-After of its 429 (or 503)
    /// has passed is throttled again, and counted in <see cref="SimulatedFaults.RetryAfterViolations"/>.
    /// </summary>
    public bool StrictRetryAfter { get; set; }
}
