namespace Reconnect.GraphSimulator.Generation;

internal sealed record FolderSpec(string Id, string DisplayName, string? WellKnownName, int Parent);

/// <summary>The fixed folder tree of generated mailboxes; ids depend on the seed.</summary>
internal static class FolderLayout
{
    public const int Root = 0, Inbox = 1, Projects = 2, Apollo = 3, Zephyr = 4, Conferences = 5, Receipts = 6,
        SentItems = 7, Drafts = 8, DeletedItems = 9, OldStuff = 10, JunkEmail = 11, Suspicious = 12, Outbox = 13,
        Archive = 14, Archive2021 = 15, ConversationHistory = 16, Newsletters = 17, Lists = 18, Family = 19;

    public static FolderSpec[] Create(long seed)
    {
        (string Name, string? WellKnown, int Parent)[] tree =
        [
            ("Top of Information Store", null, -1),
            ("Inbox", "inbox", Root),
            ("Projects", null, Inbox),
            ("Apollo", null, Projects),
            ("Zephyr", null, Projects),
            ("Conferences", null, Inbox),
            ("Receipts & Notifications", null, Inbox),
            ("Sent Items", "sentitems", Root),
            ("Drafts", "drafts", Root),
            ("Deleted Items", "deleteditems", Root),
            ("Old stuff", null, DeletedItems),
            ("Junk Email", "junkemail", Root),
            ("Suspicious", null, JunkEmail),
            ("Outbox", "outbox", Root),
            ("Archive", "archive", Root),
            ("2021", null, Archive),
            ("Conversation History", "conversationhistory", Root),
            ("Newsletters", null, Root),
            ("Mailing lists", null, Root),
            ("Family", null, Root),
        ];
        var rng = SeededRandom.ForStream(seed, 2);
        return [.. tree.Select((f, i) => new FolderSpec($"AAMkAGFolder{i:D2}{rng.NextULong():x16}", f.Name, f.WellKnown, f.Parent))];
    }

    public static bool IsCounted(int folder) => folder is not (JunkEmail or Suspicious or Outbox);
}
