using Reconnect.GraphSimulator.Fixtures;

namespace Reconnect.GraphSimulator.Mailbox;

/// <summary>
/// The folder hierarchy as Graph presents it: which folders are top-level, each folder's children,
/// and lookup by id or well-known name. Folders never change after load.
/// </summary>
internal sealed class FolderTree
{
    /// <summary>Graph's well-known name for the root ("Top of Information Store").</summary>
    public const string RootWellKnownName = "msgfolderroot";

    private readonly Dictionary<string, int> _byId;
    private readonly Dictionary<string, int> _byWellKnownName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<int>[] _children;

    public FolderTree(IReadOnlyList<FolderRecord> folders)
    {
        Folders = folders;
        _byId = MailboxFixture.IndexFolders(folders);
        _children = new List<int>[folders.Count];
        for (var i = 0; i < folders.Count; i++)
        {
            _children[i] = [];
        }

        // The root is the first folder without a parent; a folder whose parent is unknown is
        // treated as top-level too, so that a partial export still shows every folder.
        RootIndex = -1;
        for (var i = 0; i < folders.Count; i++)
        {
            if (folders[i].ParentFolderId is null && RootIndex < 0)
            {
                RootIndex = i;
            }
        }

        var topLevel = new List<int>();
        for (var i = 0; i < folders.Count; i++)
        {
            if (i == RootIndex)
            {
                continue;
            }
            if (folders[i].ParentFolderId is { } parent && _byId.TryGetValue(parent, out var parentIndex) && parentIndex != i)
            {
                _children[parentIndex].Add(i);
            }
            else
            {
                topLevel.Add(i);
            }
        }
        if (RootIndex >= 0)
        {
            // Orphans join the root's own children, in fixture order.
            topLevel.AddRange(_children[RootIndex]);
            topLevel.Sort();
            _children[RootIndex] = topLevel;
        }
        TopLevel = topLevel;

        for (var i = 0; i < folders.Count; i++)
        {
            if (folders[i].WellKnownName is { Length: > 0 } name)
            {
                _byWellKnownName.TryAdd(name, i);
            }
        }
    }

    public IReadOnlyList<FolderRecord> Folders { get; }

    /// <summary>-1 when the fixture has no root folder.</summary>
    public int RootIndex { get; }

    public IReadOnlyList<int> TopLevel { get; }

    public int Count => Folders.Count;

    public IReadOnlyList<int> ChildrenOf(int folder) => _children[folder];

    /// <summary>The folder's index, -1 when unknown. Ids match exactly; well-known names ignore case, as Graph.</summary>
    public int Resolve(string idOrWellKnownName)
    {
        if (_byId.TryGetValue(idOrWellKnownName, out var index))
        {
            return index;
        }
        if (string.Equals(idOrWellKnownName, RootWellKnownName, StringComparison.OrdinalIgnoreCase))
        {
            return RootIndex;
        }
        return _byWellKnownName.TryGetValue(idOrWellKnownName, out index) ? index : -1;
    }

    public int IndexOfId(string id) => _byId.TryGetValue(id, out var index) ? index : -1;
}
