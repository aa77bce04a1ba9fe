using System.Globalization;

namespace Reconnect.GraphSimulator.OData;

/// <summary>Graph's OData error body: <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>.</summary>
internal static class GraphErrors
{
    public static GraphJsonResult Result(HttpContext context, int statusCode, string code, string message)
    {
        var requestId = context.Response.Headers[GraphRequestIds.RequestIdHeader].ToString();
        var clientRequestId = context.Response.Headers[GraphRequestIds.ClientRequestIdHeader].ToString();
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return new GraphJsonResult(statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteStartObject("innerError");
            writer.WriteString("date", date);
            writer.WriteString("request-id", requestId);
            writer.WriteString("client-request-id", clientRequestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    public static GraphJsonResult From(HttpContext context, GraphRequestException error) =>
        Result(context, error.StatusCode, error.Code, error.Message);

    /// <summary>Graph answers a path it has no resource for with 400, not 404.</summary>
    public static GraphJsonResult UnsupportedRoute(HttpContext context) =>
        Result(context, StatusCodes.Status400BadRequest, "BadRequest",
            $"Resource not found for the segment '{LastSegment(context.Request.Path)}'.");

    public static GraphJsonResult MethodNotAllowed(HttpContext context) =>
        Result(context, StatusCodes.Status405MethodNotAllowed, "ErrorInvalidRequest",
            $"The HTTP method '{context.Request.Method}' is not allowed for this resource.");

    private static string LastSegment(PathString path)
    {
        var value = path.Value?.TrimEnd('/') ?? "";
        return value[(value.LastIndexOf('/') + 1)..];
    }
}
