using Reconnect.Testing;
using System.IO.Compression;
using System.Text.Json;
using Reconnect.Core.Correspondence;

namespace Reconnect.Api.Tests.Support;

/// <summary>
/// Reads a fixture's messages straight into envelopes, without Graph: for tests of the index on
/// its own. Folders the sync never reads (Drafts, Junk Email, Outbox) are left out, as the reader does.
/// </summary>
public static class FixtureEnvelopes
{
    public static IReadOnlyList<MessageEnvelope> Read(string fixturePath)
    {
        using var foldersJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixturePath, "folders.json")));
        var skipped = foldersJson.RootElement.EnumerateArray()
            .Where(f => f.TryGetProperty("wellKnownName", out var name) && name.GetString() is "drafts" or "junkemail" or "outbox")
            .Select(f => f.GetProperty("id").GetString())
            .ToHashSet();

        var plain = Path.Combine(fixturePath, "messages.jsonl");
        using var stream = File.Exists(plain) ? File.OpenRead(plain) : (Stream)new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var envelopes = new List<MessageEnvelope>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var message = JsonDocument.Parse(line);
            var envelope = FixtureMessageJson.ToEnvelope(message.RootElement);
            if (!skipped.Contains(envelope.FolderId))
            {
                envelopes.Add(envelope);
            }
        }

        return envelopes;
    }
}
