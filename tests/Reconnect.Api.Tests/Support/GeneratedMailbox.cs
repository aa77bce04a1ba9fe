using Reconnect.GraphSimulator.Generation;

namespace Reconnect.Api.Tests.Support;

/// <summary>A generated 20,000-message mailbox with change files and its ground truth, made once per test class.</summary>
public sealed class GeneratedMailbox : IDisposable
{
    public GeneratedMailbox()
    {
        Path = Directory.CreateTempSubdirectory("reconnect-generated-").FullName;
        Result = MailboxGenerator.Generate(new GeneratorOptions { MessageCount = 20_000, Seed = 42, ChangeBatches = 3 }, Path);
    }

    public string Path { get; }

    public GenerationResult Result { get; }

    public IReadOnlyList<CorrespondenceRow> ExpectedInitially =>
        CorrespondenceTable.Load(System.IO.Path.Combine(Path, "expected-correspondents.csv"));

    public IReadOnlyList<CorrespondenceRow> ExpectedAfterChanges =>
        CorrespondenceTable.Load(System.IO.Path.Combine(Path, "after-changes", "expected-correspondents.csv"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
