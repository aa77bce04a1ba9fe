using Reconnect.GraphSimulator.Generation;

namespace Reconnect.Api.Demo;

/// <summary>The generated mailbox the demo user reads when no fixture is configured.</summary>
internal static class DemoMailbox
{
    private const int Messages = 4000;
    private const int Seed = 2026;

    /// <summary>Generates the demo mailbox once into the data folder and returns its path.</summary>
    public static string EnsureGenerated(string dataFolder)
    {
        var path = Path.Combine(dataFolder, "demo-mailbox");
        if (!File.Exists(Path.Combine(path, "user.json")))
        {
            MailboxGenerator.Generate(new GeneratorOptions { MessageCount = Messages, Seed = Seed }, path);
        }

        return path;
    }
}
