using System.Net;
using System.Net.Http.Json;
using System.Text;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Resilience;

/// <summary>Bad input to the API is a 4xx ProblemDetails naming what is wrong, never a 500.</summary>
public sealed class ApiInputTests
{
    [Theory]
    [InlineData("/api/correspondents?take=abc", "take")]
    [InlineData("/api/correspondents?skip=1e9999", "skip")]
    [InlineData("/api/correspondents?take=99999999999999999999", "take")]
    [InlineData("/api/correspondents?take=-5", "Take")]
    public async Task UnreadableOrOutOfRangeQueryValuesAreA400NamingTheField(string url, string field)
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);

        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(field, body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("GET", "/api/sync/extra/segments")]
    [InlineData("POST", "/api/correspondents/x/y")]
    public async Task UnknownRoutesAre404(string method, string url)
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);

        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AWrongMethodOnAKnownRouteIsNotA500()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);

        var response = await app.CreateClient().DeleteAsync("/api/sync");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedWith413()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);
        var body = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await app.CreateClient().PostAsync("/api/sync", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GarbageBodyOnStartSyncIsIgnoredAndTheSyncStarts()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);

        var response = await app.CreateClient().PostAsync("/api/sync", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task HealthReportsTheDatabaseAndTheLastSyncFailure()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample, settings: new Dictionary<string, string?>
        {
            ["GraphSimulator:Faults:ServerErrorRate"] = "1",
            ["Graph:Resilience:MaxRetryAttempts"] = "1",
            ["Graph:Resilience:BaseDelay"] = "00:00:00.001",
        });
        var client = app.CreateClient();
        var healthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        var status = await app.SyncAsync(client);
        var degraded = await client.GetAsync("/health");

        Assert.Equal("failed", status.State);
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
    }
}
