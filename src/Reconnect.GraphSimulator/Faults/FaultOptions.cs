namespace Reconnect.GraphSimulator.Faults;

/// <summary>
/// Failures the simulator will inject to exercise the product's resilience (not built yet).
/// </summary>
/// <remarks>
/// Planned settings under <c>GraphSimulator:Faults</c>: added latency, 429 with Retry-After, 5xx,
/// connection resets, truncated bodies, and expired delta tokens (410 <c>syncStateNotFound</c>,
/// see <c>DeltaToken.Expired</c>). They will run as an endpoint filter placed after the request
/// accounting one in <c>MapGraphSimulator</c>, so that both hosting styles get them.
/// </remarks>
public sealed class FaultOptions
{
}
