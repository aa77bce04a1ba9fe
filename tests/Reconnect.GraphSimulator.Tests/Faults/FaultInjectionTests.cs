using System.Net;
using System.Text.Json;
using Reconnect.GraphSimulator.Faults;
using Reconnect.GraphSimulator.Tests.Support;

namespace Reconnect.GraphSimulator.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ThrottleRateOne_Answers429WithRetryAfterAndGraphsErrorBody()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        session.Simulator.Faults.Configure(new FaultOptions { ThrottleRate = 1, RetryAfterSeconds = 7 });

        using var response = await session.GetAsync("me");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("TooManyRequests", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, session.Simulator.Faults.Throttled);
        Assert.Equal(1, session.Simulator.RequestCount);
    }

    [Fact]
    public async Task StrictMode_ARetryBeforeRetryAfterIsThrottledAgainAndCounted()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        session.Simulator.Faults.Configure(new FaultOptions { ThrottleRate = 0.999999, RetryAfterSeconds = 30, StrictRetryAfter = true });
        using var first = await session.GetAsync("me");
        session.Simulator.Faults.Configure(new FaultOptions { StrictRetryAfter = true });

        using var early = await session.GetAsync("me");
        using var other = await session.GetAsync("me/mailFolders");

        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.InRange(early.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 30);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(1, session.Simulator.Faults.RetryAfterViolations);
    }

    [Fact]
    public async Task ServerErrors_Rotate500502503504()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        session.Simulator.Faults.Configure(new FaultOptions { ServerErrorRate = 1 });

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await session.GetAsync("me");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([500, 502, 503, 504], statuses);
    }

    [Fact]
    public async Task Reset_DropsTheConnection()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        session.Simulator.Faults.Configure(new FaultOptions { ResetRate = 1 });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => session.GetAsync("me"));
        Assert.Equal(1, session.Simulator.Faults.Resets);
    }

    [Fact]
    public async Task Truncate_SendsHalfTheBodyThenDropsTheConnection()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        session.Simulator.Faults.Configure(new FaultOptions { TruncateRate = 1 });

        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await session.GetAsync("me/mailFolders/inbox/messages/delta");
            await response.Content.ReadAsByteArrayAsync();
        });

        Assert.True(error is HttpRequestException or IOException, error?.ToString() ?? "no error");
        Assert.Equal(1, session.Simulator.Faults.Truncated);
    }

    [Fact]
    public async Task ExpireDeltaTokens_TheNextDeltaCallWithATokenAnswers410SyncStateNotFound()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        using var start = await session.GetAsync("me/mailFolders/inbox/messages/delta", r => r.Headers.Add("Prefer", "odata.maxpagesize=1"));
        using var page = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        var next = page.RootElement.GetProperty("@odata.nextLink").GetString()!;
        session.Simulator.Faults.ExpireNextDeltaTokens();

        using var plain = await session.GetAsync("me");
        using var expired = await session.GetAsync(next);
        using var again = await session.GetAsync(next);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        using var body = JsonDocument.Parse(await expired.Content.ReadAsStringAsync());
        Assert.Equal("syncStateNotFound", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Latency_DelaysEveryAnswer()
    {
        await using var session = await SimulatorSession.StartSampleAsync();
        session.Simulator.Faults.Configure(new FaultOptions { LatencyMs = 300 });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await session.GetAsync("me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Configure_RatesAboveOneInTotal_AreRefused()
    {
        var faults = new SimulatedFaults();

        Assert.Throws<ArgumentException>(() => faults.Configure(new FaultOptions { ThrottleRate = 0.6, ServerErrorRate = 0.6 }));
        Assert.ThrowsAny<Exception>(() => faults.Configure(new FaultOptions { ResetRate = 1.5 }));
    }
}
