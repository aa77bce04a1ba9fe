// Temporary until the simulator and generator branches merge.
namespace Reconnect.GraphSimulator
{
    public sealed class GraphSimulatorServer : IAsyncDisposable
    {
        public string BaseUrl => throw new NotSupportedException();
        public static Task<GraphSimulatorServer> StartAsync(string path, CancellationToken cancellationToken) => throw new NotSupportedException();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
namespace Reconnect.GraphSimulator.Generation
{
    public sealed class GeneratorOptions { public int MessageCount { get; set; } public int Seed { get; set; } }
    public static class MailboxGenerator { public static void Generate(GeneratorOptions options, string path) => throw new NotSupportedException(); }
}
