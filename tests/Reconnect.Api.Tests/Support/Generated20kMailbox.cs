using Reconnect.GraphSimulator.Generation;

namespace Reconnect.Api.Tests.Support;

/// <summary>
/// The 20k-message mailbox the fault matrix and crash tests sync, with its ground truth; made once
/// per test class and deleted after it.
/// </summary>
public sealed class Generated20kMailbox : IDisposable
{
    public Generated20kMailbox()
    {
        Folder = Path.Combine(Path.GetTempPath(), "reconnect-mailbox-" + Guid.NewGuid().ToString("N"));
        MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 20_000, Seed = 7, ChangeBatches = 2 }, Folder);
    }

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
    }
}
