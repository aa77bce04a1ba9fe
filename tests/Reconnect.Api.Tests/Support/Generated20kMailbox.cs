using Reconnect.GraphSimulator.Generation;

namespace Reconnect.Api.Tests.Support;

/// <summary>A generated mailbox with change files and its ground truth, made once per test class and deleted after it.</summary>
public abstract class GeneratedMailboxFolder : IDisposable
{
    protected GeneratedMailboxFolder(int messageCount, int seed, int changeBatches)
    {
        MessageCount = messageCount;
        Folder = Path.Combine(Path.GetTempPath(), "reconnect-mailbox-" + Guid.NewGuid().ToString("N"));
        MailboxGenerator.Generate(new GeneratorOptions { MessageCount = messageCount, Seed = seed, ChangeBatches = changeBatches }, Folder);
    }

    public int MessageCount { get; }

    public string Folder { get; }

    public string ExpectedCsv => System.IO.Path.Combine(Folder, "expected-correspondents.csv");

    public string ExpectedAfterChangesCsv => System.IO.Path.Combine(Folder, "after-changes", "expected-correspondents.csv");

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

        GC.SuppressFinalize(this);
    }
}

/// <summary>The 20k-message mailbox the fault matrix and crash tests sync.</summary>
public sealed class Generated20kMailbox() : GeneratedMailboxFolder(20_000, seed: 7, changeBatches: 2);

/// <summary>A 2,000-message mailbox for tests that sync it several times and only need it to change in between.</summary>
public sealed class Generated2kMailbox() : GeneratedMailboxFolder(2_000, seed: 5, changeBatches: 1);
