using System.Globalization;
using System.Text.Json;
using Reconnect.Core.Correspondence;

namespace Reconnect.Testing;

/// <summary>
/// One line of a fixture's messages.jsonl read straight into an envelope, without Graph: for tests of
/// the core and the index on their own. Compiled into each test project that needs it.
/// </summary>
internal static class FixtureMessageJson
{
    public static MessageEnvelope ToEnvelope(JsonElement m) => new()
    {
        Id = Text(m, "id")!,
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

    public static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Date(JsonElement e, string name) =>
        Text(e, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;

    private static MailboxAddress? Address(JsonElement recipient) =>
        recipient.ValueKind == JsonValueKind.Object && recipient.TryGetProperty("emailAddress", out var email) && email.ValueKind == JsonValueKind.Object
            ? new MailboxAddress(Text(email, "name"), Text(email, "address"))
            : null;

    private static IReadOnlyList<MailboxAddress> Addresses(JsonElement m, string name) =>
        m.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(Address).OfType<MailboxAddress>()]
            : [];
}
