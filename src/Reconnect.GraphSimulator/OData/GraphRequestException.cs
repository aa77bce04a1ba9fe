namespace Reconnect.GraphSimulator.OData;

/// <summary>
/// A request Graph would refuse. Handlers throw it while validating, before any byte is written;
/// the Graph endpoint filter turns it into Graph's OData error body.
/// </summary>
internal sealed class GraphRequestException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public static GraphRequestException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static GraphRequestException ItemNotFound() =>
        new(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
}
