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
            var envelope = ToEnvelope(message.RootElement);
            if (!skipped.Contains(envelope.FolderId))
            {
                envelopes.Add(envelope);
            }
        }

        return envelopes;
    }

    private static MessageEnvelope ToEnvelope(JsonElement m) => new()
    {
        Id = m.GetProperty("id").GetString()!,
        InternetMessageId = Text(m, "internetMessageId"),
        FolderId = Text(m, "parentFolderId"),
        IsDraft = m.TryGetProperty("isDraft", out var draft) && draft.ValueKind == JsonValueKind.True,
        SentAt = Date(m, "sentDateTime"),
        ReceivedAt = Date(m, "receivedDateTime"),
        Subject = Text(m, "subject"),
        From = m.TryGetProperty("from", out var from) ? Address(from) : null,
        To = Addresses(m, "toRecipients"),
        Cc = Addresses(m, "ccRecipients"),
        Bcc = Addresses(m, "bccRecipients"),
        Headers = m.TryGetProperty("internetMessageHeaders", out var headers) && headers.ValueKind == JsonValueKind.Array
            ? [.. headers.EnumerateArray().Select(h => new MessageHeader(Text(h, "name") ?? "", Text(h, "value")))]
            : [],
        ClassifiedAsOther = Text(m, "inferenceClassification") == "other",
    };

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Date(JsonElement e, string name) => Text(e, name) is { } text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static MailboxAddress? Address(JsonElement recipient) =>
        recipient.ValueKind == JsonValueKind.Object && recipient.TryGetProperty("emailAddress", out var email) && email.ValueKind == JsonValueKind.Object
            ? new MailboxAddress(Text(email, "name"), Text(email, "address"))
            : null;

    private static IReadOnlyList<MailboxAddress> Addresses(JsonElement m, string name) =>
        m.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(Address).OfType<MailboxAddress>()]
            : [];
}
