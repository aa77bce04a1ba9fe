using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary>
/// Runs around every <c>/v1.0</c> endpoint: counts the request, records its Authorization header,
/// stamps Graph's correlation headers, and turns a refused request into Graph's error body.
/// </summary>
/// <remarks>
/// An endpoint filter rather than middleware, so the accounting also works when another app hosts
/// the simulator with MapGraphSimulator and owns the middleware pipeline.
/// </remarks>
internal sealed class GraphRequestFilter(GraphMailboxSimulator simulator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authorization = http.Request.Headers.Authorization.ToString();
        simulator.RecordRequest(authorization.Length > 0 ? authorization : null);
        GraphRequestIds.Stamp(http);
        try
        {
            return await next(context);
        }
        catch (GraphRequestException ex)
        {
            return GraphErrors.From(http, ex);
        }
    }
}
