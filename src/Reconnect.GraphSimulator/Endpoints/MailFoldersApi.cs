using System.Text.Json;
using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary><c>/me/mailFolders</c>, <c>/me/mailFolders/{id}</c> and <c>/me/mailFolders/{id}/childFolders</c>.</summary>
internal static class MailFoldersApi
{
    private const string IncludeHiddenFolders = "includeHiddenFolders";

    public static IResult ListTopLevel(HttpContext context, GraphMailboxSimulator simulator)
    {
        var root = GraphWire.ServiceRoot(context.Request);
        return List(context, simulator, simulator.Folders.TopLevel,
            $"{root}/me/mailFolders",
            $"{root}/$metadata#users('{simulator.Fixture.UserId}')/mailFolders");
    }

    public static IResult ListChildren(HttpContext context, GraphMailboxSimulator simulator)
    {
        var parent = Resolve(context, simulator);
        var parentId = simulator.Folders.Folders[parent].Id;
        var root = GraphWire.ServiceRoot(context.Request);
        return List(context, simulator, simulator.Folders.ChildrenOf(parent),
            $"{root}/me/mailFolders/{Uri.EscapeDataString(parentId)}/childFolders",
            $"{root}/$metadata#users('{simulator.Fixture.UserId}')/mailFolders('{parentId}')/childFolders");
    }

    public static IResult GetFolder(HttpContext context, GraphMailboxSimulator simulator)
    {
        var query = QueryOptions.Read(context.Request, "select");
        var selection = PropertySelection.Parse(query.Get("select"), ResourceShape.MailFolder);
        var folder = Snapshot(simulator, Resolve(context, simulator));
        var odataContext = $"{GraphWire.ServiceRoot(context.Request)}/$metadata#users('{simulator.Fixture.UserId}')/mailFolders/$entity";
        return GraphJsonResult.Ok(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", odataContext);
            WriteProperties(writer, folder, selection);
            writer.WriteEndObject();
        });
    }

    private static IResult List(HttpContext context, GraphMailboxSimulator simulator, IReadOnlyList<int> candidates, string collectionUrl, string odataContext)
    {
        var query = QueryOptions.Read(context.Request, "select", "top", "skip");
        var selection = PropertySelection.Parse(query.Get("select"), ResourceShape.MailFolder);
        var top = query.Top();
        var skip = query.Skip();
        var includeHidden = string.Equals(query.Get(IncludeHiddenFolders), "true", StringComparison.OrdinalIgnoreCase);

        // Graph lists hidden folders only when asked to.
        var visible = candidates.Where(i => includeHidden || !simulator.Folders.Folders[i].IsHidden).ToList();
        var page = visible.Skip(skip).Take(top).Select(i => Snapshot(simulator, i)).ToList();
        var nextLink = CollectionPage.NextLink(collectionUrl, visible.Count, skip, top,
            ("$select", selection.SelectText), (IncludeHiddenFolders, includeHidden ? "true" : null));

        return GraphJsonResult.Ok(writer => CollectionPage.Write(writer, odataContext, nextLink, page, (w, folder) =>
        {
            w.WriteStartObject();
            WriteProperties(w, folder, selection);
            w.WriteEndObject();
        }));
    }

    private static int Resolve(HttpContext context, GraphMailboxSimulator simulator)
    {
        var idOrName = context.Request.RouteValues["folderId"] as string ?? "";
        var index = simulator.Folders.Resolve(idOrName);
        return index >= 0 ? index : throw GraphRequestException.ItemNotFound();
    }

    // Counts are taken when the request is handled, not while the body is written.
    private static FolderView Snapshot(GraphMailboxSimulator simulator, int index)
    {
        var record = simulator.Folders.Folders[index];
        var (total, unread) = simulator.Store.CountsOf(index);
        // The root's parent is null in fixtures; Graph gives the root a parent id of its own, which
        // no client can resolve, so null is kept.
        return new FolderView(record.Id, record.DisplayName, record.ParentFolderId,
            simulator.Folders.ChildrenOf(index).Count, unread, total, record.IsHidden);
    }

    // v1.0's mailFolder shape. The fixture's wellKnownName is its private hint: v1.0 never returns it.
    private static void WriteProperties(Utf8JsonWriter writer, FolderView folder, PropertySelection selection)
    {
        writer.WriteString("id", folder.Id);
        if (selection.Includes("displayName")) writer.WriteString("displayName", folder.DisplayName);
        if (selection.Includes("parentFolderId")) writer.WriteString("parentFolderId", folder.ParentFolderId);
        if (selection.Includes("childFolderCount")) writer.WriteNumber("childFolderCount", folder.ChildFolderCount);
        if (selection.Includes("unreadItemCount")) writer.WriteNumber("unreadItemCount", folder.UnreadItemCount);
        if (selection.Includes("totalItemCount")) writer.WriteNumber("totalItemCount", folder.TotalItemCount);
        if (selection.Includes("isHidden")) writer.WriteBoolean("isHidden", folder.IsHidden);
    }

    private sealed record FolderView(string Id, string DisplayName, string? ParentFolderId, int ChildFolderCount, int UnreadItemCount, int TotalItemCount, bool IsHidden);
}
