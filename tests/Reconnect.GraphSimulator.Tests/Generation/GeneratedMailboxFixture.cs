using Reconnect.GraphSimulator.Generation;

namespace Reconnect.GraphSimulator.Tests.Generation;

/// <summary>One 20k-message mailbox shared by the tests of a class: generating it takes about a second.</summary>
public sealed class GeneratedMailboxFixture : IDisposable
{
    public const int MessageCount = 20_000;

    public GeneratedMailboxFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "reconnect-gen-" + Guid.NewGuid().ToString("N"));
        Options = new GeneratorOptions { MessageCount = MessageCount, Seed = 42, ChangeBatches = 3 };
        Result = MailboxGenerator.Generate(Options, Folder);
    }

    public string Folder { get; }
    public GeneratorOptions Options { get; }
    public GenerationResult Result { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder are harmless.
        }
    }
}
