// Temporary until the simulator and generator branches merge.
namespace Reconnect.GraphSimulator.Generation
{
    public sealed class GeneratorOptions { public int MessageCount { get; set; } public int Seed { get; set; } }
    public static class MailboxGenerator { public static void Generate(GeneratorOptions options, string path) => throw new NotSupportedException(); }
}
