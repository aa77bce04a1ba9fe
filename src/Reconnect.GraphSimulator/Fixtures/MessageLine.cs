using System.Text.Json;

namespace Reconnect.GraphSimulator.Fixtures;

/// <summary>
/// The few fields of one messages.jsonl or changes/NNN.jsonl line that the simulator indexes;
/// everything else stays in the raw JSON and is copied to responses as it is.
/// </summary>
/// <param name="IsEvent">The line is a calendar event (it has an <c>iCalUId</c>), not a message.</param>
internal readonly record struct MessageLine(string Id, string? ParentFolderId, bool? IsRead, bool IsRemoval, bool IsEvent = false)
{
    /// <summary>
    /// Reads one line. False when it is not a JSON object with a string <c>id</c>: fixtures can be
    /// messy, and one bad line must not stop a 100,000-message load.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out MessageLine line)
    {
        line = default;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? id = null, parentFolderId = null;
            bool? isRead = null;
            var isRemoval = false;
            var isEvent = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("parentFolderId"u8))
                {
                    reader.Read();
                    parentFolderId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("isRead"u8))
                {
                    reader.Read();
                    isRead = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => null,
                    };
                }
                else if (reader.ValueTextEquals("iCalUId"u8))
                {
                    reader.Read();
                    reader.Skip();
                    isEvent = true;
                }
                else if (reader.ValueTextEquals("@removed"u8))
                {
                    reader.Read();
                    reader.Skip();
                    isRemoval = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Reading to the end validates the whole line, so a truncated one is rejected here
            // rather than producing broken JSON in a response later.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || string.IsNullOrEmpty(id))
            {
                return false;
            }

            line = new MessageLine(id, parentFolderId, isRead, isRemoval, isEvent);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
