using System.ComponentModel.DataAnnotations;
using Reconnect.GraphSimulator.Faults;

namespace Reconnect.GraphSimulator;

/// <summary>Settings of a <see cref="GraphSimulatorServer"/>.</summary>
/// <remarks>
/// Configuration shape (section <see cref="SectionName"/>):
/// <code>
/// "GraphSimulator": { "Port": 0, "Faults": { } }
/// </code>
/// </remarks>
public sealed class GraphSimulatorOptions
{
    public const string SectionName = "GraphSimulator";

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    public FaultOptions Faults { get; set; } = new();
}
