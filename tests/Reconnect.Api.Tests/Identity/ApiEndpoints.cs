using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Reconnect.Api.Tests.Identity;

/// <summary>One /api endpoint, as routing knows it, with a concrete URL to call.</summary>
internal sealed record ApiEndpoint(string Method, string Pattern, string Url, RouteEndpoint Endpoint)
{
    public override string ToString() => $"{Method} {Pattern}";

    public HttpRequestMessage Request(string? body = "{}")
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Method is "POST" or "PUT" or "PATCH" && body is not null)
        {
            request.Content = JsonContent.Create(System.Text.Json.JsonDocument.Parse(body).RootElement);
        }

        return request;
    }
}

internal static partial class ApiEndpoints
{
    /// <summary>
    /// Every endpoint under /api the app maps, read from its routing: an endpoint added later is
    /// covered by the tests that use this list without anyone remembering to add it.
    /// </summary>
    public static IReadOnlyList<ApiEndpoint> All<TEntryPoint>(WebApplicationFactory<TEntryPoint> app, string routeValue = "1") where TEntryPoint : class =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw == "/api"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ApiEndpoint(method, e.RoutePattern.RawText!, Url(e.RoutePattern.RawText!, routeValue), e)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    /// <summary>The pattern with each route parameter replaced by <paramref name="value"/>.</summary>
    public static string Url(string pattern, string value) => RouteParameter().Replace(pattern, Uri.EscapeDataString(value));

    public static bool RequiresApiUser(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Reconnect.Api.Identity.IdentityExtensions.ApiUserPolicy);

    public static bool IsRateLimitedPerUser(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Reconnect.Api.Extensions.RateLimiting.PerUserPolicy;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
