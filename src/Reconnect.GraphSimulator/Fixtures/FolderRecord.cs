namespace Reconnect.GraphSimulator.Fixtures;

/// <summary>A mail folder of folders.json. Counts are not kept here: the store computes them from the messages.</summary>
internal sealed record FolderRecord(string Id, string DisplayName, string? ParentFolderId, string? WellKnownName, bool IsHidden);
