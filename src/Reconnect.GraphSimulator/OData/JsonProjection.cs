using System.Text.Json;

namespace Reconnect.GraphSimulator.OData;

/// <summary>Copies the selected top-level properties of a raw JSON object, value bytes verbatim.</summary>
internal static class JsonProjection
{
    /// <summary>
    /// Writes the selected properties of <paramref name="json"/> into the object the writer has open.
    /// Properties the fixture lacks are left out rather than written as null.
    /// </summary>
    public static void CopySelected(Utf8JsonWriter writer, ReadOnlySpan<byte> json, PropertySelection selection)
    {
        var names = selection.Utf8Names;
        var reader = new Utf8JsonReader(json);
        reader.Read(); // StartObject: the fixture loader accepted only objects
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = -1;
            for (var i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    match = i;
                    break;
                }
            }
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (match >= 0)
            {
                writer.WritePropertyName(selection.EncodedNames[match]);
                writer.WriteRawValue(json[start..(int)reader.BytesConsumed], skipInputValidation: true);
            }
        }
    }
}
