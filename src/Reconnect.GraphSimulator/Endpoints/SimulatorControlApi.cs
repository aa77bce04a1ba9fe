using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary>
/// <c>/simulator/*</c>: the control surface for manual demos (tests call <see cref="GraphMailboxSimulator"/> directly).
/// Outside <c>/v1.0</c>, so these calls are not counted as Graph requests.
/// </summary>
internal static class SimulatorControlApi
{
    public static RouteGroupBuilder MapSimulatorControl(this IEndpointRouteBuilder endpoints, GraphMailboxSimulator simulator)
    {
        var group = endpoints.MapGroup("/simulator");
        group.MapGet("/state", () => GetState(simulator));
        group.MapPost("/changes/next", () => ApplyNextChanges(simulator));
        group.MapPost("/requests/reset", () => ResetRequests(simulator));
        return group;
    }

    private static Ok<SimulatorState> GetState(GraphMailboxSimulator simulator) => TypedResults.Ok(SimulatorState.Of(simulator, applied: null));

    private static Results<Ok<SimulatorState>, Conflict<SimulatorState>> ApplyNextChanges(GraphMailboxSimulator simulator)
    {
        var applied = simulator.ApplyNextChanges();
        var state = SimulatorState.Of(simulator, applied);
        return applied ? TypedResults.Ok(state) : TypedResults.Conflict(state);
    }

    private static NoContent ResetRequests(GraphMailboxSimulator simulator)
    {
        simulator.ResetRequestCount();
        return TypedResults.NoContent();
    }

    internal sealed record SimulatorState(bool? Applied, int MailboxVersion, int PendingChangeSets, long RequestCount, int Messages, int SkippedLines, int SkippedChangeLines,
        long Throttled, long RetryAfterViolations)
    {
        public static SimulatorState Of(GraphMailboxSimulator simulator, bool? applied) => new(
            applied,
            simulator.MailboxVersion,
            simulator.PendingChangeSetCount,
            simulator.RequestCount,
            simulator.Fixture.MessageCount,
            simulator.Fixture.SkippedLineCount,
            simulator.SkippedChangeLineCount,
            simulator.Faults.Throttled,
            simulator.Faults.RetryAfterViolations);
    }
}
