using System.Globalization;
using System.Text.Json;
using Reconnect.GraphSimulator.Delta;
using Reconnect.GraphSimulator.Fixtures;
using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary>
/// <c>GET /me/mailFolders/{id}/messages/delta</c>: a first round pages through the folder's
/// messages; its deltaLink later returns what changed in the folder since that round started.
/// </summary>
/// <remarks>
/// A round ends with an <c>@odata.deltaLink</c> (<c>$deltatoken=</c>); until then each page has an
/// <c>@odata.nextLink</c> (<c>$skiptoken=</c>). Both carry a <see cref="DeltaToken"/>.
/// </remarks>
internal static class MessagesDeltaApi
{
    private static readonly JsonEncodedText MessageType = JsonEncodedText.Encode("#microsoft.graph.message");

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

        var page = token switch
        {
            null => ReadFolderPage(simulator, folder, folderId, selection, pageSize, roundVersion: simulator.Store.Version, position: 0),
            { Kind: DeltaTokenKind.FolderPage } => ReadFolderPage(simulator, folder, folderId, selection, pageSize, token.RoundVersion, token.Position),
            { Kind: DeltaTokenKind.ChangesPage } => ReadChangesPage(simulator, folder, folderId, selection, pageSize, token.SinceVersion, token.RoundVersion, token.Position),
            // A deltaLink starts a new round: the changes since the old round began, up to now.
            _ => ReadChangesPage(simulator, folder, folderId, selection, pageSize, token.SinceVersion, simulator.Store.Version, 0),
        };

        var root = GraphWire.ServiceRoot(request);
        var link = $"{root}/me/mailFolders/{Uri.EscapeDataString(folderId)}/messages/delta?"
            + (page.Next.Kind == DeltaTokenKind.DeltaLink ? "$deltatoken=" : "$skiptoken=")
            + page.Next.Encode();
        var odataContext = $"{root}/$metadata#Collection(message)";

        return new GraphJsonResult(StatusCodes.Status200OK, writer => Write(writer, odataContext, page, link, selection))
        {
            Headers = preferred is { } applied
                ? new Dictionary<string, string> { [PagePreference.PreferenceAppliedHeader] = "odata.maxpagesize=" + applied.ToString(CultureInfo.InvariantCulture) }
                : null,
        };
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

    private static DeltaPage ReadFolderPage(GraphMailboxSimulator simulator, int folder, string folderId, PropertySelection selection, int pageSize, int roundVersion, int position)
    {
        var page = simulator.Store.ReadFolder(folder, position, pageSize);
        var next = page.HasMore
            ? new DeltaToken(DeltaTokenKind.FolderPage, folderId, selection.SelectText, roundVersion, roundVersion, page.NextPosition, pageSize)
            : new DeltaToken(DeltaTokenKind.DeltaLink, folderId, selection.SelectText, roundVersion, roundVersion, 0, pageSize);
        return new DeltaPage(page.Items.Select(message => new DeltaItemView(message.Id, message)).ToList(), next);
    }

    private static DeltaPage ReadChangesPage(GraphMailboxSimulator simulator, int folder, string folderId, PropertySelection selection, int pageSize, int sinceVersion, int roundVersion, int position)
    {
        var page = simulator.Store.ReadChanges(folder, sinceVersion, roundVersion, position, pageSize);
        var next = page.HasMore
            ? new DeltaToken(DeltaTokenKind.ChangesPage, folderId, selection.SelectText, sinceVersion, roundVersion, page.NextPosition, pageSize)
            : new DeltaToken(DeltaTokenKind.DeltaLink, folderId, selection.SelectText, roundVersion, roundVersion, 0, pageSize);
        return new DeltaPage(page.Items.Select(item => new DeltaItemView(item.Id, item.Message)).ToList(), next);
    }

    private static void Write(Utf8JsonWriter writer, string odataContext, DeltaPage page, string link, PropertySelection selection)
    {
        var isLastPage = page.Next.Kind == DeltaTokenKind.DeltaLink;
        writer.WriteStartObject();
        writer.WriteString("@odata.context", odataContext);
        if (!isLastPage)
        {
            writer.WriteString("@odata.nextLink", link);
        }
        writer.WriteStartArray("value");
        foreach (var item in page.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.type", MessageType);
            if (item.Message is { } message)
            {
                JsonProjection.CopySelected(writer, message.Json, selection);
            }
            else
            {
                writer.WriteString("id", item.Id);
                writer.WriteStartObject("@removed");
                writer.WriteString("reason", "deleted");
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (isLastPage)
        {
            writer.WriteString("@odata.deltaLink", link);
        }
        writer.WriteEndObject();
    }

    private readonly record struct DeltaItemView(string Id, MessageRecord? Message);

    private sealed record DeltaPage(IReadOnlyList<DeltaItemView> Items, DeltaToken Next);
}
