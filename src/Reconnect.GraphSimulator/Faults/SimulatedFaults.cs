using System.Collections.Concurrent;

namespace Reconnect.GraphSimulator.Faults;

/// <summary>
/// The fault settings a simulator runs with and what it injected so far. Thread-safe; settings
/// can be changed while it serves (a test turns faults on after a clean first sync).
/// </summary>
public sealed class SimulatedFaults
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _retryNotBefore = new(StringComparer.Ordinal);
    private FaultOptions _options = new();
    private Random _random = new(1);
    private int _expireDeltaTokens;
    private int _serverErrorTurn;
    private long _throttled, _serverErrors, _resets, _truncated, _expired, _violations;

    public FaultOptions Options => _options;

    /// <summary>429s answered (strict-mode repeats included).</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public long Resets => Interlocked.Read(ref _resets);

    public long Truncated => Interlocked.Read(ref _truncated);

    /// <summary>Delta calls answered 410 <c>syncStateNotFound</c>.</summary>
    public long ExpiredDeltaTokens => Interlocked.Read(ref _expired);

    /// <summary>Requests repeated before their Retry-After had passed (counted in strict mode only).</summary>
    public long RetryAfterViolations => Interlocked.Read(ref _violations);

    /// <summary>Replaces the settings and restarts the random sequence from their seed.</summary>
    public void Configure(FaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new(options), validateAllProperties: true);
        if (options.ThrottleRate + options.ServerErrorRate + options.ResetRate + options.TruncateRate > 1.0)
        {
            throw new ArgumentException("GraphSimulator:Faults rates add up to more than 1.", nameof(options));
        }

        lock (_gate)
        {
            _options = options;
            _random = new Random(options.Seed);
            _expireDeltaTokens = options.ExpireDeltaTokens;
        }
    }

    /// <summary>The next <paramref name="count"/> delta calls carrying a token answer 410.</summary>
    public void ExpireNextDeltaTokens(int count = 1) => Interlocked.Add(ref _expireDeltaTokens, count);

    internal FaultKind Draw(bool isDeltaWithToken)
    {
        if (isDeltaWithToken && Volatile.Read(ref _expireDeltaTokens) > 0 && Interlocked.Decrement(ref _expireDeltaTokens) >= 0)
        {
            Interlocked.Increment(ref _expired);
            return FaultKind.ExpireDeltaToken;
        }

        double draw;
        FaultOptions options;
        lock (_gate)
        {
            draw = _random.NextDouble();
            options = _options;
        }

        if ((draw -= options.ThrottleRate) < 0)
        {
            Interlocked.Increment(ref _throttled);
            return FaultKind.Throttle;
        }

        if ((draw -= options.ServerErrorRate) < 0)
        {
            Interlocked.Increment(ref _serverErrors);
            return (Interlocked.Increment(ref _serverErrorTurn) % 4) switch
            {
                1 => FaultKind.Status500,
                2 => FaultKind.Status502,
                3 => FaultKind.Status503,
                _ => FaultKind.Status504,
            };
        }

        if ((draw -= options.ResetRate) < 0)
        {
            Interlocked.Increment(ref _resets);
            return FaultKind.Reset;
        }

        if ((draw -= options.TruncateRate) < 0)
        {
            Interlocked.Increment(ref _truncated);
            return FaultKind.Truncate;
        }

        return FaultKind.None;
    }

    /// <summary>In strict mode, the time before which <paramref name="requestKey"/> may not come back; null when it may.</summary>
    internal TimeSpan? RetryTooEarly(string requestKey, DateTimeOffset now)
    {
        if (!_options.StrictRetryAfter || !_retryNotBefore.TryGetValue(requestKey, out var notBefore))
        {
            return null;
        }

        if (now >= notBefore)
        {
            _retryNotBefore.TryRemove(requestKey, out _);
            return null;
        }

        Interlocked.Increment(ref _violations);
        Interlocked.Increment(ref _throttled);
        return notBefore - now;
    }

    internal void RememberRetryAfter(string requestKey, DateTimeOffset notBefore)
    {
        if (_options.StrictRetryAfter)
        {
            _retryNotBefore[requestKey] = notBefore;
        }
    }
}

internal enum FaultKind
{
    None,
    Throttle,
    Status500,
    Status502,
    Status503,
    Status504,
    Reset,
    Truncate,
    ExpireDeltaToken,
}
