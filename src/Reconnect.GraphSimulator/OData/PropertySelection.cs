using System.Text.Json;

namespace Reconnect.GraphSimulator.OData;

/// <summary>The properties a response carries: a parsed <c>$select</c>, or the resource's defaults.</summary>
internal sealed class PropertySelection
{
    private readonly HashSet<string> _names;

    private PropertySelection(IReadOnlyList<string> names, string? selectText)
    {
        Names = names;
        SelectText = selectText;
        _names = new HashSet<string>(names, StringComparer.Ordinal);
        Utf8Names = names.Select(name => System.Text.Encoding.UTF8.GetBytes(name)).ToArray();
        EncodedNames = names.Select(name => JsonEncodedText.Encode(name)).ToArray();
    }

    /// <summary>Canonical property names; <c>id</c> always among them, as Graph always returns it.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The canonical $select text ("id,subject,from"), null when none was given. Carried in delta tokens.</summary>
    public string? SelectText { get; }

    internal byte[][] Utf8Names { get; }

    internal JsonEncodedText[] EncodedNames { get; }

    public bool Includes(string canonicalName) => _names.Contains(canonicalName);

    /// <summary>Parses <c>$select</c>; an unknown property is a 400, as in Graph.</summary>
    public static PropertySelection Parse(string? select, ResourceShape shape)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return new PropertySelection(shape.Defaults, null);
        }
        var names = new List<string> { "id" };
        foreach (var part in select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!shape.Known.TryGetValue(part, out var canonical))
            {
                throw GraphRequestException.BadRequest(
                    $"Parsing OData Select and Expand failed: Could not find a property named '{part}' on type '{shape.TypeName}'.");
            }
            if (!names.Contains(canonical))
            {
                names.Add(canonical);
            }
        }
        return new PropertySelection(names, string.Join(',', names));
    }
}
