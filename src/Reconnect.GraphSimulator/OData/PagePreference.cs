using System.Globalization;

namespace Reconnect.GraphSimulator.OData;

/// <summary>The <c>Prefer: odata.maxpagesize=N</c> request header of delta queries.</summary>
internal static class PagePreference
{
    public const string PreferHeader = "Prefer";

    public const string PreferenceAppliedHeader = "Preference-Applied";

    /// <summary>
    /// The page size asked for, capped at <see cref="QueryOptions.MaxPageSize"/>; null when the header
    /// is absent or unreadable (a service ignores preferences it cannot honour).
    /// </summary>
    public static int? Read(HttpRequest request)
    {
        foreach (var header in request.Headers[PreferHeader])
        {
            foreach (var preference in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2
                    && parts[0].Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                    && size > 0)
                {
                    return Math.Min(size, QueryOptions.MaxPageSize);
                }
            }
        }
        return null;
    }
}
