using System.Net;
using System.Text.Json;

namespace Reconnect.Api.Tests.Identity;

/// <summary>
/// Endpoint by endpoint: a request without a valid token for this API, with its scope, gets 401 or
/// 403 as ProblemDetails and nothing else. The endpoints are read from routing, so new ones are covered.
/// </summary>
public sealed class TokenValidationTests : IAsyncLifetime
{
    private readonly SignedInApplication _app = new(tenantId: TestTokens.HomeTenant);

    public static TheoryData<string> Cases => [.. BadTokens.Keys];

    private static readonly Dictionary<string, (Func<string?> Token, HttpStatusCode Status)> BadTokens = new()
    {
        ["no token"] = (() => null, HttpStatusCode.Unauthorized),
        ["malformed token"] = (() => "not-a.jwt", HttpStatusCode.Unauthorized),
        ["garbage with three parts"] = (() => "abc.def.ghi", HttpStatusCode.Unauthorized),
        ["expired"] = (() => new TokenSpec { NotBeforeOffset = TimeSpan.FromHours(-3), ExpiresOffset = TimeSpan.FromHours(-1) }.Sign(), HttpStatusCode.Unauthorized),
        ["not yet valid"] = (() => new TokenSpec { NotBeforeOffset = TimeSpan.FromHours(1), ExpiresOffset = TimeSpan.FromHours(2) }.Sign(), HttpStatusCode.Unauthorized),
        ["wrong audience"] = (() => new TokenSpec { Audience = "99999999-2222-3333-4444-555555555555" }.Sign(), HttpStatusCode.Unauthorized),
        ["Graph's audience"] = (() => new TokenSpec { Audience = "https://graph.microsoft.com" }.Sign(), HttpStatusCode.Unauthorized),
        ["wrong issuer"] = (() => new TokenSpec { Issuer = $"https://login.evil.example/{TestTokens.HomeTenant}/v2.0" }.Sign(), HttpStatusCode.Unauthorized),
        ["v1.0 issuer"] = (() => new TokenSpec { Issuer = $"https://sts.windows.net/{TestTokens.HomeTenant}/" }.Sign(), HttpStatusCode.Unauthorized),
        ["issuer of another tenant than tid"] = (() => new TokenSpec { Issuer = TestTokens.IssuerOf(TestTokens.OtherTenant) }.Sign(), HttpStatusCode.Unauthorized),
        ["wrong tenant for a single-tenant app"] = (() => TokenSpec.For(TestUsers.ATwin).Sign(), HttpStatusCode.Unauthorized),
        ["no tenant"] = (() => new TokenSpec { TenantId = null, Issuer = TestTokens.IssuerOf(TestTokens.HomeTenant) }.Sign(), HttpStatusCode.Unauthorized),
        ["bad signature"] = (() => new TokenSpec { Key = TestTokens.ImpostorKey }.Sign(), HttpStatusCode.Unauthorized),
        ["tampered payload"] = (() => Tamper(new TokenSpec().Sign()), HttpStatusCode.Unauthorized),
        ["alg none"] = (() => TestTokens.Unsigned(new TokenSpec()), HttpStatusCode.Unauthorized),
        ["neither scope nor role"] = (() => new TokenSpec { Scopes = null }.Sign(), HttpStatusCode.Unauthorized),
        ["missing scope"] = (() => new TokenSpec { Scopes = "User.Read Mail.Read" }.Sign(), HttpStatusCode.Forbidden),
        ["scope as a prefix"] = (() => new TokenSpec { Scopes = "access_as_user_admin" }.Sign(), HttpStatusCode.Forbidden),
        ["app-only token"] = (() => new TokenSpec { Scopes = null, Roles = ["access_as_user"] }.Sign(), HttpStatusCode.Forbidden),
        ["no object id"] = (() => new TokenSpec { ObjectId = null }.Sign(), HttpStatusCode.Forbidden),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryApiEndpointRequiresTheApiUserPolicyAndThePerUserRateLimit()
    {
        var endpoints = ApiEndpoints.All(_app);

        Assert.Superset(new HashSet<string> { "GET /api/sync/", "POST /api/sync/", "GET /api/correspondents/", "DELETE /api/me/" }, endpoints.Select(e => e.ToString()).ToHashSet());
        Assert.All(endpoints, e => Assert.True(ApiEndpoints.RequiresApiUser(e.Endpoint), $"{e} does not require the ApiUser policy"));
        Assert.All(endpoints, e => Assert.True(ApiEndpoints.IsRateLimitedPerUser(e.Endpoint), $"{e} is not rate limited per user"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryApiEndpointRefuses(string @case)
    {
        var (token, expected) = BadTokens[@case];
        var client = _app.ClientWith(token());
        var failures = new List<string>();

        foreach (var endpoint in ApiEndpoints.All(_app))
        {
            var response = await client.SendAsync(endpoint.Request());
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {body}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{endpoint}: {response.Content.Headers.ContentType} is not problem+json");
                continue;
            }

            using var problem = JsonDocument.Parse(body);
            var fields = problem.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            if (fields.Except(["type", "title", "status", "detail", "traceId", "instance"]).ToList() is { Count: > 0 } extra)
            {
                failures.Add($"{endpoint}: the problem carries more than a problem: {string.Join(", ", extra)}");
            }

            if (problem.RootElement.GetProperty("status").GetInt32() != (int)expected)
            {
                failures.Add($"{endpoint}: problem status {problem.RootElement.GetProperty("status")}");
            }

            if (expected == HttpStatusCode.Unauthorized && !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
            {
                failures.Add($"{endpoint}: 401 without WWW-Authenticate: Bearer");
            }
        }

        Assert.True(failures.Count == 0, $"{@case}:\n  " + string.Join("\n  ", failures));
        Assert.Empty(_app.Tokens.Calls);
    }

    [Fact]
    public async Task AValidTokenIsLetThroughOnEveryEndpoint()
    {
        var client = _app.ClientFor(TestUsers.A);
        var failures = new List<string>();

        foreach (var endpoint in ApiEndpoints.All(_app))
        {
            var response = await client.SendAsync(endpoint.Request());
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TheAppIdUriIsAnAudienceToo()
    {
        var response = await _app.ClientWith(new TokenSpec { Audience = $"api://{TestTokens.ClientId}" }.Sign()).GetAsync("/api/correspondents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace(TestUsers.A.ObjectId, TestUsers.B.ObjectId, StringComparison.Ordinal);
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
