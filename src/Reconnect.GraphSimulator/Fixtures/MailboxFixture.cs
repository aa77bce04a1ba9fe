using System.IO.Compression;
using System.Text.Json;

namespace Reconnect.GraphSimulator.Fixtures;

/// <summary>
/// A mailbox fixture folder (docs: fixture-format.md) loaded into memory in a compact form:
/// each message is its raw UTF-8 JSON line plus the few fields the simulator indexes.
/// </summary>
public sealed class MailboxFixture
{
    private MailboxFixture(
        string path,
        byte[] userJson,
        string userId,
        IReadOnlyList<FolderRecord> folders,
        IReadOnlyList<ContactRecord> contacts,
        IReadOnlyList<MessageRecord> messages,
        IReadOnlyList<MessageRecord> events,
        int skippedLineCount,
        IReadOnlyList<string> changeFiles)
    {
        Path = path;
        UserJson = userJson;
        UserId = userId;
        Folders = folders;
        Contacts = contacts;
        Messages = messages;
        Events = events;
        SkippedLineCount = skippedLineCount;
        ChangeFiles = changeFiles;
    }

    /// <summary>The fixture folder.</summary>
    public string Path { get; }

    /// <summary>Messages loaded (lines that were skipped are not counted).</summary>
    public int MessageCount => Messages.Count;

    public int FolderCount => Folders.Count;

    /// <summary>Calendar events loaded from events.jsonl (none when the fixture has no calendar).</summary>
    public int EventCount => Events.Count;

    /// <summary>
    /// The store's index of the calendar: one past the last mail folder. The calendar is kept as a
    /// hidden folder of the store, so events page, change and tombstone exactly as messages do,
    /// yet no mailFolders route ever lists it.
    /// </summary>
    internal int CalendarIndex => Folders.Count;

    public int ContactCount => Contacts.Count;

    /// <summary>
    /// Lines of messages.jsonl (and events.jsonl) that were skipped: not a JSON object, no string <c>id</c>, or a
    /// <c>parentFolderId</c> naming no folder of folders.json (Graph could never return such a message).
    /// </summary>
    public int SkippedLineCount { get; }

    /// <summary>The <c>changes/NNN.jsonl</c> files, in the order they will be applied.</summary>
    public IReadOnlyList<string> ChangeFiles { get; }

    internal byte[] UserJson { get; }

    internal string UserId { get; }

    internal IReadOnlyList<FolderRecord> Folders { get; }

    internal IReadOnlyList<ContactRecord> Contacts { get; }

    internal IReadOnlyList<MessageRecord> Messages { get; }

    internal IReadOnlyList<MessageRecord> Events { get; }

    /// <summary>Loads a fixture folder, reading messages.jsonl (or messages.jsonl.gz) one line at a time.</summary>
    /// <exception cref="FileNotFoundException">user.json, folders.json or the messages file is missing.</exception>
    public static MailboxFixture Load(string path)
    {
        var root = System.IO.Path.GetFullPath(path);
        var userJson = File.ReadAllBytes(System.IO.Path.Combine(root, "user.json"));
        var userId = ReadUserId(userJson);
        var folders = ReadFolders(System.IO.Path.Combine(root, "folders.json"));
        var contactsPath = System.IO.Path.Combine(root, "contacts.json");
        var contacts = File.Exists(contactsPath) ? ReadContacts(contactsPath) : [];

        var folderIndex = IndexFolders(folders);
        var messages = new List<MessageRecord>();
        var skipped = 0;
        using (var stream = OpenMessages(root))
        {
            foreach (var line in Utf8LineReader.ReadLines(stream))
            {
                if (MessageLine.TryParse(line.Span, out var parsed)
                    && !parsed.IsRemoval
                    && parsed.ParentFolderId is not null
                    && folderIndex.TryGetValue(parsed.ParentFolderId, out var folder))
                {
                    messages.Add(new MessageRecord(parsed.Id, folder, parsed.IsRead == false, line.ToArray()));
                }
                else
                {
                    skipped++;
                }
            }
        }

        var events = new List<MessageRecord>();
        if (OpenOptional(root, "events.jsonl") is { } eventStream)
        {
            using (eventStream)
            {
                foreach (var line in Utf8LineReader.ReadLines(eventStream))
                {
                    if (MessageLine.TryParse(line.Span, out var parsed) && !parsed.IsRemoval)
                    {
                        events.Add(new MessageRecord(parsed.Id, folders.Count, false, line.ToArray()));
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }
        }

        return new MailboxFixture(root, userJson, userId, folders, contacts, messages, events, skipped, FindChangeFiles(root));
    }

    internal static Dictionary<string, int> IndexFolders(IReadOnlyList<FolderRecord> folders)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < folders.Count; i++)
        {
            index.TryAdd(folders[i].Id, i);
        }
        return index;
    }

    private static Stream? OpenOptional(string root, string name)
    {
        var plain = System.IO.Path.Combine(root, name);
        if (File.Exists(plain))
        {
            return File.OpenRead(plain);
        }
        return File.Exists(plain + ".gz") ? new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress) : null;
    }

    private static Stream OpenMessages(string root)
    {
        var plain = System.IO.Path.Combine(root, "messages.jsonl");
        if (File.Exists(plain))
        {
            return File.OpenRead(plain);
        }
        var gz = plain + ".gz";
        if (File.Exists(gz))
        {
            return new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        }
        throw new FileNotFoundException($"The fixture has neither messages.jsonl nor messages.jsonl.gz: {root}", plain);
    }

    private static string ReadUserId(byte[] userJson)
    {
        using var doc = JsonDocument.Parse(userJson);
        return doc.RootElement.ValueKind == JsonValueKind.Object
            && doc.RootElement.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String
                ? id.GetString()!
                : "";
    }

    // folders.json and contacts.json are small (hundreds of entries), so a DOM is fine here.
    private static List<FolderRecord> ReadFolders(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var folders = new List<FolderRecord>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || GetString(item, "id") is not { Length: > 0 } id)
            {
                continue; // an entry Graph could not have returned
            }
            folders.Add(new FolderRecord(
                id,
                GetString(item, "displayName") ?? "",
                GetString(item, "parentFolderId"),
                GetString(item, "wellKnownName"),
                item.TryGetProperty("isHidden", out var hidden) && hidden.ValueKind == JsonValueKind.True));
        }
        return folders;
    }

    private static List<ContactRecord> ReadContacts(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var contacts = new List<ContactRecord>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && GetString(item, "id") is { Length: > 0 } id)
            {
                contacts.Add(new ContactRecord(id, JsonSerializer.SerializeToUtf8Bytes(item)));
            }
        }
        return contacts;
    }

    private static string? GetString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> FindChangeFiles(string root)
    {
        var folder = System.IO.Path.Combine(root, "changes");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        // NNN.jsonl names sort in application order; ordinal so that culture never reorders them.
        var files = Directory.GetFiles(folder, "*.jsonl");
        Array.Sort(files, StringComparer.Ordinal);
        return [.. files];
    }
}
