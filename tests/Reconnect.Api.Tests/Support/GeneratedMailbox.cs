using Reconnect.GraphSimulator.Generation;

namespace Reconnect.Api.Tests.Support;

/// <summary>A generated mailbox with its ground truth, shared by the tests of a class and deleted after them.</summary>
public abstract class GeneratedMailbox : IDisposable
{
    protected GeneratedMailbox(int messageCount, long seed)
    {
        Folder = Path.Combine(Path.GetTempPath(), "reconnect-mailbox-" + Guid.NewGuid().ToString("N"));
        MailboxGenerator.Generate(new GeneratorOptions { MessageCount = messageCount, Seed = seed, ChangeBatches = 2 }, Folder);
    }

    public string Folder { get; }

    public string ExpectedCsv => Path.Combine(Folder, "expected-correspondents.csv");

    public string ExpectedAfterChangesCsv => Path.Combine(Folder, "after-changes", "expected-correspondents.csv");

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

/// <summary>The 20k-message mailbox the fault matrix and crash tests sync.</summary>
public sealed class Generated20kMailbox() : GeneratedMailbox(20_000, 7);
