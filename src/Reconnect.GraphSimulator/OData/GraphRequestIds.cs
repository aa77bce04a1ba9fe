namespace Reconnect.GraphSimulator.OData;

/// <summary>Graph's correlation headers: a fresh request-id per answer, and the client's client-request-id echoed back.</summary>
internal static class GraphRequestIds
{
    public const string RequestIdHeader = "request-id";

    public const string ClientRequestIdHeader = "client-request-id";

    public static void Stamp(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers[RequestIdHeader] = Guid.NewGuid().ToString();
        var clientRequestId = context.Request.Headers[ClientRequestIdHeader].ToString();
        headers[ClientRequestIdHeader] = clientRequestId.Length > 0 ? clientRequestId : Guid.NewGuid().ToString();
    }
}
