using Reconnect.Testing;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Reconnect.Core.Correspondence;
using Reconnect.Core.People;

namespace Reconnect.Core.Tests.Support;

/// <summary>
/// The hand-made sample mailbox (tests/fixtures/sample-mailbox) read into the inputs the API hands
/// to <see cref="PeopleBuilder"/>: each message counted by <see cref="CorrespondenceRules"/>, then
/// summed per address the way the index does. Folders the sync never reads (Drafts, Junk Email,
/// Outbox) are left out, as the reader does.
/// </summary>
internal sealed class SampleMailbox
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "fixtures", "sample-mailbox");

    private static readonly Lazy<SampleMailbox> Loaded = new(() => Load(Folder));

    public required IReadOnlyList<CorrespondentRecord> Correspondents { get; init; }
    public required IReadOnlyList<InteractionRecord> Interactions { get; init; }
    public required IReadOnlyList<ContactRecord> Contacts { get; init; }

    public static SampleMailbox Instance => Loaded.Value;

    public IReadOnlyList<PersonProfile> People(IEnumerable<string>? notAPerson = null) =>
        PeopleBuilder.Build(Correspondents, Interactions, Contacts, notAPerson);

    /// <summary>Reads any fixture folder (messages.jsonl or messages.jsonl.gz).</summary>
    public static SampleMailbox Load(string folder)
    {
        using var user = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "user.json")));
        var owner = UserAddresses.FromUser(
            FixtureMessageJson.Text(user.RootElement, "mail"),
            FixtureMessageJson.Text(user.RootElement, "userPrincipalName"),
            user.RootElement.TryGetProperty("proxyAddresses", out var proxies) ? proxies.EnumerateArray().Select(p => p.GetString()!).ToList() : null);

        using var folders = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "folders.json")));
        var unread = folders.RootElement.EnumerateArray()
            .Where(f => FixtureMessageJson.Text(f, "wellKnownName") is "drafts" or "junkemail" or "outbox")
            .Select(f => FixtureMessageJson.Text(f, "id"))
            .ToHashSet();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var interactions = new List<InteractionRecord>();
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var line in Lines(folder))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var envelope = FixtureMessageJson.ToEnvelope(json.RootElement);
            if (unread.Contains(envelope.FolderId) || CorrespondenceRules.Count(envelope, owner).Message is not { } message || !seen.Add(message.Key))
            {
                continue;
            }

            var date = message.Date.UtcDateTime;
            foreach (var participant in message.Correspondents)
            {
                // As the API's index writer: the message's recipient count, whichever way it went.
                var size = Math.Max(1, message.RecipientCount);
                interactions.Add(new InteractionRecord(participant.Address, message.Direction, date, size, InteractionKind.Email, message.Bulk));
                if (!rows.TryGetValue(participant.Address, out var row))
                {
                    rows[participant.Address] = row = new Row();
                }

                row.Add(message.Direction, date, message.Bulk, participant.DisplayName);
            }
        }

        using var contactsJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "contacts.json")));
        var contacts = contactsJson.RootElement.EnumerateArray().Select(c => new ContactRecord(
            FixtureMessageJson.Text(c, "id")!,
            FixtureMessageJson.Text(c, "displayName"),
            FixtureMessageJson.Text(c, "givenName"),
            FixtureMessageJson.Text(c, "surname"),
            FixtureMessageJson.Text(c, "companyName"),
            [.. c.GetProperty("emailAddresses").EnumerateArray().Select(a => EmailAddress.Normalize(FixtureMessageJson.Text(a, "address"))).OfType<string>()])).ToList();

        return new SampleMailbox
        {
            Correspondents = [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value.ToRecord(r.Key))],
            Interactions = interactions,
            Contacts = contacts,
        };
    }

    private static IEnumerable<string> Lines(string folder)
    {
        var plain = Path.Combine(folder, "messages.jsonl");
        using var stream = File.Exists(plain) ? File.OpenRead(plain) : (Stream)new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private sealed class Row
    {
        private string? _name;
        private bool _nameFromSender;
        private int _sent, _received, _bulk, _other;
        private DateTime? _firstSent, _lastSent, _firstReceived, _lastReceived;

        public void Add(Direction direction, DateTime date, BulkSignals bulk, string? name)
        {
            if (direction == Direction.Sent)
            {
                _sent++;
                _firstSent = _firstSent is { } f && f <= date ? f : date;
                _lastSent = _lastSent is { } l && l >= date ? l : date;
            }
            else
            {
                _received++;
                _firstReceived = _firstReceived is { } f && f <= date ? f : date;
                _lastReceived = _lastReceived is { } l && l >= date ? l : date;
                _bulk += (bulk & BulkSignals.Headers) != 0 ? 1 : 0;
                _other += (bulk & BulkSignals.ClassifiedAsOther) != 0 ? 1 : 0;
            }

            // As the index: a name from their own From line beats one typed in To.
            var fromSender = direction == Direction.Received;
            if (name is not null && (_name is null || (fromSender && !_nameFromSender) || fromSender == _nameFromSender))
            {
                _name = name;
                _nameFromSender = fromSender;
            }
        }

        public CorrespondentRecord ToRecord(string address) =>
            new(address, _name, _sent, _received, _firstSent, _lastSent, _firstReceived, _lastReceived, _bulk, _other);
    }

}
