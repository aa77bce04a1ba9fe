namespace Reconnect.GraphSimulator.Fixtures;

/// <summary>
/// One message as the simulator keeps it: the raw UTF-8 JSON of its fixture line plus the fields
/// it indexes. Immutable, so a page can be serialized outside the mailbox lock.
/// </summary>
/// <remarks>
/// A folder index rather than the folder id string keeps 100,000 records small and makes the
/// per-folder arrays of the store cheap to address.
/// </remarks>
internal sealed class MessageRecord(string id, int folderIndex, bool isUnread, byte[] json)
{
    public string Id { get; } = id;

    public int FolderIndex { get; } = folderIndex;

    /// <summary>True only when the fixture says <c>"isRead": false</c>; a missing isRead counts as read.</summary>
    public bool IsUnread { get; } = isUnread;

    public byte[] Json { get; } = json;
}
