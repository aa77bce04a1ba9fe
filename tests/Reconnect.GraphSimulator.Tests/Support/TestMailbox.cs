using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Reconnect.GraphSimulator.Tests.Support;

/// <summary>
/// A throw-away copy of a fixture in a temp folder, so tests can add change files or break lines
/// without touching tests/fixtures/sample-mailbox.
/// </summary>
internal sealed class TestMailbox : IDisposable
{
    public static string SamplePath { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-mailbox");

    private TestMailbox(string path) => Path = path;

    public string Path { get; }

    public static TestMailbox CopyOfSample()
    {
        var mailbox = Empty();
        foreach (var file in Directory.GetFiles(SamplePath))
        {
            File.Copy(file, System.IO.Path.Combine(mailbox.Path, System.IO.Path.GetFileName(file)));
        }
        return mailbox;
    }

    public static TestMailbox Empty()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reconnect-sim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new TestMailbox(path);
    }

    /// <summary>The sample's message line with this id, as a mutable node to derive changes from.</summary>
    public static JsonObject SampleMessage(string id) =>
        File.ReadLines(System.IO.Path.Combine(SamplePath, "messages.jsonl"))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Single(message => (string?)message["id"] == id);

    public static IReadOnlyList<JsonObject> SampleMessages() =>
        File.ReadLines(System.IO.Path.Combine(SamplePath, "messages.jsonl")).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    public void WriteChanges(int number, params JsonNode[] lines)
    {
        var folder = System.IO.Path.Combine(Path, "changes");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(System.IO.Path.Combine(folder, $"{number:000}.jsonl"), lines.Select(line => line.ToJsonString()));
    }

    public void WriteFile(string name, string text) => File.WriteAllText(System.IO.Path.Combine(Path, name), text);

    public void AppendMessageLines(params string[] lines) => File.AppendAllLines(System.IO.Path.Combine(Path, "messages.jsonl"), lines);

    /// <summary>Replaces messages.jsonl by messages.jsonl.gz with the same content.</summary>
    public void GzipMessages()
    {
        var plain = System.IO.Path.Combine(Path, "messages.jsonl");
        using (var source = File.OpenRead(plain))
        using (var target = new GZipStream(File.Create(plain + ".gz"), CompressionLevel.Fastest))
        {
            source.CopyTo(target);
        }
        File.Delete(plain);
    }

    public static JsonObject Removal(string id) => new() { ["id"] = id, ["@removed"] = new JsonObject { ["reason"] = "deleted" } };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
