using Reconnect.GraphSimulator.Delta;
using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Faults;

/// <summary>
/// Runs after the request accounting filter (an injected failure is still an answered request)
/// and makes Graph misbehave as <see cref="SimulatedFaults"/> says: latency, 429 with
/// Retry-After, 5xx, dropped connections, bodies cut short, and expired delta tokens.
/// </summary>
internal sealed class FaultInjectionFilter(GraphMailboxSimulator simulator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var faults = simulator.Faults;
        var http = context.HttpContext;
        var options = faults.Options;
        if (options.LatencyMs > 0)
        {
            await Task.Delay(options.LatencyMs, http.RequestAborted);
        }

        var requestKey = http.Request.Path + http.Request.QueryString;
        var now = DateTimeOffset.UtcNow;
        if (faults.RetryTooEarly(requestKey, now) is { } remaining)
        {
            return Throttled(http, faults, requestKey, now, remaining);
        }

        var kind = faults.Draw(IsDeltaWithToken(http.Request));
        switch (kind)
        {
            case FaultKind.ExpireDeltaToken:
                return GraphErrors.From(http, DeltaToken.Expired());
            case FaultKind.Throttle:
                return Throttled(http, faults, requestKey, now, TimeSpan.FromSeconds(options.RetryAfterSeconds));
            case FaultKind.Status500:
                return GraphErrors.Result(http, StatusCodes.Status500InternalServerError, "InternalServerError", "Simulated server error.");
            case FaultKind.Status502:
                return GraphErrors.Result(http, StatusCodes.Status502BadGateway, "BadGateway", "Simulated bad gateway.");
            case FaultKind.Status503:
                http.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                faults.RememberRetryAfter(requestKey, now + TimeSpan.FromSeconds(options.RetryAfterSeconds));
                return GraphErrors.Result(http, StatusCodes.Status503ServiceUnavailable, "ServiceNotAvailable", "Simulated unavailable service.");
            case FaultKind.Status504:
                return GraphErrors.Result(http, StatusCodes.Status504GatewayTimeout, "GatewayTimeout", "Simulated gateway timeout.");
            case FaultKind.Reset:
                http.Abort();
                return Results.Empty;
            case FaultKind.Truncate:
                return new TruncatedResult(await next(context));
            default:
                return await next(context);
        }
    }

    private static GraphJsonResult Throttled(HttpContext http, SimulatedFaults faults, string requestKey, DateTimeOffset now, TimeSpan retryAfter)
    {
        // Retry-After is whole seconds: round up so that honouring it is always late enough.
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        faults.RememberRetryAfter(requestKey, now + TimeSpan.FromSeconds(seconds));
        return GraphErrors.Result(http, StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; retry after the time in Retry-After.");
    }

    private static bool IsDeltaWithToken(HttpRequest request) =>
        request.Path.Value is { } path
        && (path.EndsWith("/messages/delta", StringComparison.Ordinal) || path.EndsWith("/messages/delta()", StringComparison.Ordinal))
        && (request.Query.ContainsKey("$skiptoken") || request.Query.ContainsKey("$deltatoken"));

    /// <summary>Writes the real answer into memory, sends its headers with the full length but only half its body, then drops the connection.</summary>
    private sealed class TruncatedResult(object? inner) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var original = response.Body;
            using var buffer = new MemoryStream();
            response.Body = buffer;
            if (inner is IResult result)
            {
                await result.ExecuteAsync(httpContext);
            }

            await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
            response.Body = original;
            var bytes = buffer.ToArray();
            response.ContentLength = bytes.Length;
            await original.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), httpContext.RequestAborted);
            await original.FlushAsync(httpContext.RequestAborted);
            httpContext.Abort();
        }
    }
}
