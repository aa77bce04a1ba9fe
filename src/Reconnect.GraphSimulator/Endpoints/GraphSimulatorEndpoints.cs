using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Reconnect.GraphSimulator.Endpoints;
using Reconnect.GraphSimulator.Faults;
using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator;

/// <summary>Maps the simulated Graph v1.0 endpoints and the simulator's control endpoints into any ASP.NET Core app.</summary>
public static class GraphSimulatorEndpoints
{
    private static readonly string[] NonGetMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>
    /// Serves <paramref name="simulator"/> under <c>/v1.0</c> (so the Graph SDK's base URL is
    /// <c>{origin}/v1.0</c>) and its control surface under <c>/simulator</c>.
    /// </summary>
    /// <remarks>
    /// Routes: <c>GET /v1.0/me</c>, <c>/me/mailFolders</c>, <c>/me/mailFolders/{id}</c>,
    /// <c>/me/mailFolders/{id}/childFolders</c>, <c>/me/mailFolders/{id}/messages/delta</c>,
    /// <c>/me/contacts</c>, <c>/me/calendarView/delta</c>; anything else under <c>/v1.0</c> answers Graph's error body.
    /// </remarks>
    public static IEndpointRouteBuilder MapGraphSimulator(this IEndpointRouteBuilder endpoints, GraphMailboxSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(simulator);

        var graph = endpoints.MapGroup(GraphWire.VersionSegment);
        graph.AddEndpointFilter(new GraphRequestFilter(simulator));
        // After the accounting filter: injected failures are answered requests and must be counted.
        graph.AddEndpointFilter(new FaultInjectionFilter(simulator));

        MapGraphGet(graph, "/me", context => UserApi.GetMe(context, simulator));
        MapGraphGet(graph, "/me/mailFolders", context => MailFoldersApi.ListTopLevel(context, simulator));
        MapGraphGet(graph, "/me/mailFolders/{folderId}", context => MailFoldersApi.GetFolder(context, simulator));
        MapGraphGet(graph, "/me/mailFolders/{folderId}/childFolders", context => MailFoldersApi.ListChildren(context, simulator));
        // The Kiota-generated SDK calls delta as a function, "delta()"; Graph's docs write "delta".
        MapGraphGet(graph, "/me/mailFolders/{folderId}/messages/delta", context => MessagesDeltaApi.GetDelta(context, simulator));
        MapGraphGet(graph, "/me/mailFolders/{folderId}/messages/delta()", context => MessagesDeltaApi.GetDelta(context, simulator));
        MapGraphGet(graph, "/me/contacts", context => ContactsApi.List(context, simulator));
        MapGraphGet(graph, "/me/calendarView/delta", context => CalendarViewDeltaApi.GetDelta(context, simulator));
        MapGraphGet(graph, "/me/calendarView/delta()", context => CalendarViewDeltaApi.GetDelta(context, simulator));

        // Lowest precedence: only paths no route above knows reach it.
        graph.Map("/{**path}", (HttpContext context) => (IResult)GraphErrors.UnsupportedRoute(context));

        endpoints.MapSimulatorControl(simulator);
        return endpoints;
    }

    // Routing would answer a known path with the wrong method with an empty 405; Graph sends its
    // error body, so the other methods are mapped explicitly.
    private static void MapGraphGet(RouteGroupBuilder graph, string pattern, Func<HttpContext, IResult> handler)
    {
        graph.MapGet(pattern, handler);
        graph.MapMethods(pattern, NonGetMethods, (HttpContext context) => (IResult)GraphErrors.MethodNotAllowed(context));
    }
}
