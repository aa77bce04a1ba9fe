using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reconnect.Api.Tests.Support;

namespace Reconnect.Api.Tests.Identity;

public sealed class BrowserHardeningTests
{
    private const string AddInOrigin = "https://addin.contoso.example";

    [Fact]
    public async Task ThePaneGetsAPolicyThatLetsOfficeJsInAndNothingElse()
    {
        await using var app = new SignedInApplication();

        var response = await app.ClientWith(null).GetAsync("/health");

        var csp = Directive(response, "Content-Security-Policy");
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self' https://appsforoffice.microsoft.com", csp["script-src"]);
        Assert.Equal("'self' https://login.microsoftonline.com", csp["connect-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.StartsWith("'self' https://outlook.office.com https://outlook.office365.com", csp["frame-ancestors"]);
        Assert.DoesNotContain(csp.Values, v => v.Contains("unsafe-eval", StringComparison.Ordinal) || v.Split(' ').Contains("*"));
        Assert.DoesNotContain("unsafe-inline", csp["script-src"], StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("valid", HttpStatusCode.OK)]
    public async Task ApiAnswersAreNeverSniffedFramedOrCached(string? token, HttpStatusCode status)
    {
        await using var app = new SignedInApplication();

        var response = await app.ClientWith(token is null ? null : TestUsers.A.Token).GetAsync("/api/correspondents");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Fact]
    public async Task OutsideDevelopmentHttpIsRedirectedAndHstsIsSent()
    {
        await using var app = new SignedInApplication(settings: new Dictionary<string, string?> { ["https_port"] = "443" });

        var plain = await app.CreateClient(new() { BaseAddress = new Uri("http://reconnect.example"), AllowAutoRedirect = false }).GetAsync("/health");
        var secure = await app.ClientWith(null).GetAsync("/health");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://reconnect.example/health", plain.Headers.Location?.ToString());
        Assert.StartsWith("max-age=31536000", Header(secure, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task InDevelopmentThereIsNoHstsNorRedirect()
    {
        await using var app = new ReconnectApplication(FixturePaths.Sample);

        var response = await app.CreateClient(new() { BaseAddress = new Uri("https://reconnect.example") }).GetAsync("/health");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task CorsAnswersOnlyTheConfiguredAddInOrigins()
    {
        await using var app = new SignedInApplication(settings: new Dictionary<string, string?> { ["BrowserHardening:AllowedOrigins:0"] = AddInOrigin });
        var client = app.ClientWith(null);

        var allowed = await client.SendAsync(Preflight(AddInOrigin));
        var refused = await client.SendAsync(Preflight("https://evil.example"));
        var simple = new HttpRequestMessage(HttpMethod.Get, "/api/correspondents");
        simple.Headers.Add("Origin", "https://evil.example");
        simple.Headers.Authorization = new("Bearer", TestUsers.A.Token);
        var crossOrigin = await client.SendAsync(simple);

        Assert.Equal(AddInOrigin, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("authorization", Header(allowed, "Access-Control-Allow-Headers")!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
        Assert.Null(Header(crossOrigin, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task WithoutConfiguredOriginsNoCrossOriginCallerIsAllowed()
    {
        await using var app = new SignedInApplication();

        var response = await app.ClientWith(null).SendAsync(Preflight(AddInOrigin));

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task EachUserHasTheirOwnRateLimitAndA429SaysWhenToComeBack()
    {
        await using var app = new SignedInApplication(tenantId: "organizations", settings: new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = "3" });
        var a = app.ClientFor(TestUsers.A);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/correspondents")).StatusCode);
        }

        var limited = await a.GetAsync("/api/correspondents");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(Header(limited, "Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        // Other users, and A's namesake in another tenant, are not held back by A.
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.B).GetAsync("/api/correspondents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.ATwin).GetAsync("/api/correspondents")).StatusCode);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/correspondents");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static Dictionary<string, string> Directive(HttpResponseMessage response, string name) =>
        (Header(response, name) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
}
