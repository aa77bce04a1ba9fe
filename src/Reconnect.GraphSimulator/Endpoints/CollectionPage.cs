using System.Text;
using System.Text.Json;

namespace Reconnect.GraphSimulator.Endpoints;

/// <summary>
/// Paging of the plain (non-delta) collections, as Outlook does it: <c>$top</c> and <c>$skip</c>,
/// with an absolute <c>@odata.nextLink</c> that repeats the request's options.
/// </summary>
internal static class CollectionPage
{
    /// <summary>The nextLink for the page after [skip, skip+top), null when that page is the last.</summary>
    public static string? NextLink(string collectionUrl, int total, int skip, int top, params (string Name, string? Value)[] carried)
    {
        if ((long)skip + top >= total)
        {
            return null;
        }
        var link = new StringBuilder(collectionUrl)
            .Append("?$top=").Append(top)
            .Append("&$skip=").Append(skip + top);
        foreach (var (name, value) in carried)
        {
            if (value is not null)
            {
                link.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
        return link.ToString();
    }

    public static void Write<T>(Utf8JsonWriter writer, string odataContext, string? nextLink, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", odataContext);
        writer.WriteStartArray("value");
        foreach (var item in items)
        {
            writeItem(writer, item);
        }
        writer.WriteEndArray();
        if (nextLink is not null)
        {
            writer.WriteString("@odata.nextLink", nextLink);
        }
        writer.WriteEndObject();
    }
}
