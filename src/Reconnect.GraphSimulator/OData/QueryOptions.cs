using System.Globalization;

namespace Reconnect.GraphSimulator.OData;

/// <summary>
/// The OData query options of a request, with Graph's limits. Each route says which options it
/// supports; any other system option is a 400, so the product never silently relies on one the
/// simulator would ignore.
/// </summary>
internal sealed class QueryOptions
{
    /// <summary>Graph's default page size for Outlook collections.</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The largest page Outlook serves ($top 1–1000).</summary>
    public const int MaxPageSize = 1000;

    private static readonly string[] SystemOptions =
        ["select", "top", "skip", "skiptoken", "deltatoken", "filter", "orderby", "search", "expand", "count", "format"];

    private readonly IQueryCollection _query;

    private QueryOptions(IQueryCollection query) => _query = query;

    /// <summary>Reads the query string, refusing system options the route does not support.</summary>
    public static QueryOptions Read(HttpRequest request, params string[] supported)
    {
        foreach (var key in request.Query.Keys)
        {
            var name = key.TrimStart('$');
            if (SystemOptions.Contains(name, StringComparer.OrdinalIgnoreCase)
                && !supported.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw GraphRequestException.BadRequest($"The query parameter '${name}' is not supported by the Graph simulator on this resource.");
            }
        }
        return new QueryOptions(request.Query);
    }

    /// <summary>The value of <c>$name</c> (Graph also accepts it without the dollar).</summary>
    public string? Get(string name)
    {
        foreach (var (key, value) in _query)
        {
            if (string.Equals(key.TrimStart('$'), name, StringComparison.OrdinalIgnoreCase))
            {
                return value.ToString();
            }
        }
        return null;
    }

    public int Top(int defaultValue = DefaultPageSize) =>
        Integer("top", defaultValue, min: 1, max: MaxPageSize);

    public int Skip() => Integer("skip", 0, min: 0, max: int.MaxValue);

    private int Integer(string name, int defaultValue, int min, int max)
    {
        var text = Get(name);
        if (text is null)
        {
            return defaultValue;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw GraphRequestException.BadRequest($"Invalid value '{text}' for query parameter '${name}': expected an integer from {min} to {max}.");
        }
        return value;
    }
}
