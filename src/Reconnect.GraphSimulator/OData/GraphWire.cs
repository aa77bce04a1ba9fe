namespace Reconnect.GraphSimulator.OData;

/// <summary>Constants and URL helpers of Graph v1.0's wire format.</summary>
internal static class GraphWire
{
    public const string VersionSegment = "/v1.0";

    public const string ContentType = "application/json; odata.metadata=minimal; charset=utf-8";

    /// <summary>
    /// The absolute service root (<c>http://host:port[/prefix]/v1.0</c>) of this request. It is
    /// taken from the request path so that nextLink/deltaLink stay right when a host maps the
    /// simulator under a prefix of its own.
    /// </summary>
    public static string ServiceRoot(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).Value ?? "";
        var at = path.IndexOf(VersionSegment, StringComparison.OrdinalIgnoreCase);
        var prefix = at >= 0 ? path[..(at + VersionSegment.Length)] : VersionSegment;
        return $"{request.Scheme}://{request.Host}{prefix}";
    }
}
