using Reconnect.GraphSimulator.Delta;
using Reconnect.GraphSimulator.Fixtures;
using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary>
/// <c>GET /me/mailFolders/{id}/messages/delta</c>: a first round pages through the folder's
/// messages; its deltaLink later returns what changed in the folder since that round started.
/// </summary>
/// <remarks>
/// A round ends with an <c>@odata.deltaLink</c>; until then each page has an <c>@odata.nextLink</c>.
/// Both carry a <see cref="DeltaToken"/> (<see cref="DeltaResponse"/>).
/// </remarks>
internal static class MessagesDeltaApi
{
    public static IResult GetDelta(HttpContext context, GraphMailboxSimulator simulator)
    {
        var request = context.Request;
        var query = QueryOptions.Read(request, "select", "skiptoken", "deltatoken");
        var idOrName = request.RouteValues["folderId"] as string ?? "";
        var folder = simulator.Folders.Resolve(idOrName);
        if (folder < 0)
        {
            throw GraphRequestException.ItemNotFound();
        }
        var folderId = simulator.Folders.Folders[folder].Id;
        var preferred = PagePreference.Read(request);

        var token = ReadToken(query, simulator.Store.Version);
        if (token is not null && token.FolderId != folderId)
        {
            throw DeltaToken.Malformed();
        }
        // The token's $select wins: the SDK follows links verbatim and Graph keeps the round's options in the token.
        var selection = PropertySelection.Parse(token is null ? query.Get("select") : token.Select, ResourceShape.Message);
        var pageSize = preferred ?? token?.PageSize ?? QueryOptions.DefaultPageSize;

        var (items, next) = token switch
        {
            null => ReadFolderPage(simulator, folder, folderId, selection, pageSize, roundVersion: simulator.Store.Version, position: 0),
            { Kind: DeltaTokenKind.FolderPage } => ReadFolderPage(simulator, folder, folderId, selection, pageSize, token.RoundVersion, token.Position),
            { Kind: DeltaTokenKind.ChangesPage } => ReadChangesPage(simulator, folder, folderId, selection, pageSize, token.SinceVersion, token.RoundVersion, token.Position),
            // A deltaLink starts a new round: the changes since the old round began, up to now.
            _ => ReadChangesPage(simulator, folder, folderId, selection, pageSize, token.SinceVersion, simulator.Store.Version, 0),
        };

        return DeltaResponse.Page(request, $"me/mailFolders/{Uri.EscapeDataString(folderId)}/messages/delta", "message", items, next, selection, preferred);
    }

    internal static DeltaToken? ReadToken(QueryOptions query, int currentVersion)
    {
        var skipToken = query.Get("skiptoken");
        var deltaToken = query.Get("deltatoken");
        if (skipToken is not null && deltaToken is not null)
        {
            throw DeltaToken.Malformed();
        }
        if (skipToken is not null)
        {
            var token = DeltaToken.Decode(skipToken, currentVersion);
            return token.Kind is DeltaTokenKind.FolderPage or DeltaTokenKind.ChangesPage ? token : throw DeltaToken.Malformed();
        }
        if (deltaToken is not null)
        {
            var token = DeltaToken.Decode(deltaToken, currentVersion);
            return token.Kind is DeltaTokenKind.DeltaLink ? token : throw DeltaToken.Malformed();
        }
        return null;
    }

    private static (List<(string Id, MessageRecord? Item)> Items, DeltaToken Next) ReadFolderPage(GraphMailboxSimulator simulator, int folder, string folderId, PropertySelection selection, int pageSize, int roundVersion, int position)
    {
        var page = simulator.Store.ReadFolder(folder, position, pageSize);
        return ([.. page.Items.Select(message => (message.Id, (MessageRecord?)message))],
            DeltaResponse.AfterFolderPage(page.HasMore, folderId, selection, roundVersion, page.NextPosition, pageSize));
    }

    private static (List<(string Id, MessageRecord? Item)> Items, DeltaToken Next) ReadChangesPage(GraphMailboxSimulator simulator, int folder, string folderId, PropertySelection selection, int pageSize, int sinceVersion, int roundVersion, int position)
    {
        var page = simulator.Store.ReadChanges(folder, sinceVersion, roundVersion, position, pageSize);
        return ([.. page.Items.Select(item => (item.Id, item.Message))],
            DeltaResponse.AfterChangesPage(page.HasMore, folderId, selection, sinceVersion, roundVersion, page.NextPosition, pageSize));
    }
}
