using Reconnect.GraphSimulator.Fixtures;

namespace Reconnect.GraphSimulator.Mailbox;

/// <summary>
/// The mutable message state: per-folder message lists, a change log, and the mailbox version
/// (the number of change sets applied). Thread-safe.
/// </summary>
/// <remarks>
/// Each folder's list is append-only: a removal leaves a null tombstone and a replacement in the
/// same folder overwrites its slot. Positions therefore never shift, which is what keeps a
/// <c>$skiptoken</c> position valid when changes are applied in the middle of a paging round.
/// </remarks>
internal sealed class MailboxStore
{
    private readonly Lock _gate = new();
    private readonly List<MessageRecord?>[] _slots;
    private readonly int[] _total;
    private readonly int[] _unread;
    private readonly Dictionary<string, (int Folder, int Slot)> _locations = new(StringComparer.Ordinal);
    private readonly List<ChangeEntry> _log = [];

    public MailboxStore(int folderCount, IEnumerable<MessageRecord> messages)
    {
        _slots = new List<MessageRecord?>[folderCount];
        for (var i = 0; i < folderCount; i++)
        {
            _slots[i] = [];
        }
        _total = new int[folderCount];
        _unread = new int[folderCount];
        foreach (var message in messages)
        {
            Upsert(message, version: 0, log: false);
        }
    }

    private int _version;

    public int Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public (int Total, int Unread) CountsOf(int folder)
    {
        lock (_gate)
        {
            return (_total[folder], _unread[folder]);
        }
    }

    /// <summary>Applies one change set as a new mailbox version.</summary>
    public void Apply(IReadOnlyList<Change> changes)
    {
        lock (_gate)
        {
            var version = ++_version;
            foreach (var change in changes)
            {
                if (change.Message is { } message)
                {
                    Upsert(message, version, log: true);
                }
                else
                {
                    Remove(change.Id, version);
                }
            }
        }
    }

    /// <summary>The folder a message is in now, -1 when there is no such message.</summary>
    public int FolderOf(string id)
    {
        lock (_gate)
        {
            return _locations.TryGetValue(id, out var at) ? at.Folder : -1;
        }
    }

    /// <summary>Up to <paramref name="pageSize"/> live messages of a folder from a slot position on.</summary>
    public FolderPage ReadFolder(int folder, int position, int pageSize)
    {
        lock (_gate)
        {
            var slots = _slots[folder];
            var items = new List<MessageRecord>(Math.Min(pageSize, Math.Max(0, slots.Count - position)));
            var i = Math.Max(0, position);
            for (; i < slots.Count && items.Count < pageSize; i++)
            {
                if (slots[i] is { } message)
                {
                    items.Add(message);
                }
            }
            var more = false;
            for (var j = i; j < slots.Count && !more; j++)
            {
                more = slots[j] is not null;
            }
            return new FolderPage(items, i, more);
        }
    }

    /// <summary>
    /// What changed in a folder between two versions, one entry per message, paged: a message now
    /// in the folder (added, replaced or moved in) or the id of one that left it (deleted or moved out).
    /// </summary>
    public ChangesPage ReadChanges(int folder, int sinceVersion, int untilVersion, int position, int pageSize)
    {
        lock (_gate)
        {
            var ids = ChangedIds(folder, sinceVersion, untilVersion);
            var items = new List<DeltaItem>();
            for (var i = Math.Max(0, position); i < ids.Count && items.Count < pageSize; i++)
            {
                items.Add(_locations.TryGetValue(ids[i], out var at) && at.Folder == folder
                    ? new DeltaItem(ids[i], _slots[at.Folder][at.Slot])
                    : new DeltaItem(ids[i], null));
            }
            var next = Math.Max(0, position) + items.Count;
            return new ChangesPage(items, next, next < ids.Count);
        }
    }

    // The log is in version order; the distinct ids keep their first appearance so that paging
    // over the same version range is deterministic.
    private List<string> ChangedIds(int folder, int sinceVersion, int untilVersion)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var entry in _log)
        {
            if (entry.Version > sinceVersion && entry.Version <= untilVersion
                && (entry.FromFolder == folder || entry.ToFolder == folder)
                && seen.Add(entry.Id))
            {
                ids.Add(entry.Id);
            }
        }
        return ids;
    }

    private void Upsert(MessageRecord message, int version, bool log)
    {
        var from = -1;
        if (_locations.TryGetValue(message.Id, out var at))
        {
            from = at.Folder;
            var old = _slots[at.Folder][at.Slot]!;
            Count(old, -1);
            if (at.Folder == message.FolderIndex)
            {
                _slots[at.Folder][at.Slot] = message;
            }
            else
            {
                _slots[at.Folder][at.Slot] = null;
                _locations[message.Id] = Append(message);
            }
        }
        else
        {
            _locations[message.Id] = Append(message);
        }
        Count(message, +1);
        if (log)
        {
            _log.Add(new ChangeEntry(version, message.Id, from, message.FolderIndex));
        }
    }

    private void Remove(string id, int version)
    {
        if (!_locations.Remove(id, out var at))
        {
            return;
        }
        Count(_slots[at.Folder][at.Slot]!, -1);
        _slots[at.Folder][at.Slot] = null;
        _log.Add(new ChangeEntry(version, id, at.Folder, -1));
    }

    private (int Folder, int Slot) Append(MessageRecord message)
    {
        var slots = _slots[message.FolderIndex];
        slots.Add(message);
        return (message.FolderIndex, slots.Count - 1);
    }

    private void Count(MessageRecord message, int delta)
    {
        _total[message.FolderIndex] += delta;
        if (message.IsUnread)
        {
            _unread[message.FolderIndex] += delta;
        }
    }

    private readonly record struct ChangeEntry(int Version, string Id, int FromFolder, int ToFolder);
}

/// <summary>One line of a change file: a message to add or replace, or (Message null) the id of one to remove.</summary>
internal readonly record struct Change(string Id, MessageRecord? Message);

internal sealed record FolderPage(IReadOnlyList<MessageRecord> Items, int NextPosition, bool HasMore);

/// <summary>A delta entry: the message as it is now, or (Message null) a removal.</summary>
internal readonly record struct DeltaItem(string Id, MessageRecord? Message);

internal sealed record ChangesPage(IReadOnlyList<DeltaItem> Items, int NextPosition, bool HasMore);
