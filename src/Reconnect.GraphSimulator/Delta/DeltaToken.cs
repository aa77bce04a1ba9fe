using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reconnect.GraphSimulator.OData;

namespace Reconnect.GraphSimulator.Delta;

/// <summary>What a delta token stands for.</summary>
internal enum DeltaTokenKind
{
    /// <summary>A <c>$skiptoken</c> within a first (full) round: the next slot position of the folder.</summary>
    FolderPage = 1,

    /// <summary>A <c>$skiptoken</c> within a changes round: the next position in the list of changed messages.</summary>
    ChangesPage = 2,

    /// <summary>A <c>$deltatoken</c>: the mailbox version the next round reports changes since.</summary>
    DeltaLink = 3,
}

/// <summary>
/// The state a delta link or next link carries. Graph's tokens are opaque; ours are base64url JSON,
/// which keeps them opaque to the product yet readable when a test fails.
/// </summary>
/// <remarks>
/// The SDK sends nextLink/deltaLink back verbatim, so everything the round needs lives here,
/// $select included, never only in the query string.
/// </remarks>
internal sealed record DeltaToken(
    [property: JsonPropertyName("k")] DeltaTokenKind Kind,
    [property: JsonPropertyName("f")] string FolderId,
    [property: JsonPropertyName("s")] string? Select,
    [property: JsonPropertyName("b")] int SinceVersion,
    [property: JsonPropertyName("r")] int RoundVersion,
    [property: JsonPropertyName("p")] int Position,
    [property: JsonPropertyName("n")] int PageSize)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, DeltaTokenJsonContext.Default.DeltaToken));

    /// <summary>Decodes a token; anything unreadable or inconsistent with the mailbox is a 400.</summary>
    public static DeltaToken Decode(string text, int currentVersion)
    {
        DeltaToken? token;
        try
        {
            token = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(text), DeltaTokenJsonContext.Default.DeltaToken);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw Malformed();
        }
        if (token is null
            || !Enum.IsDefined(token.Kind)
            || string.IsNullOrEmpty(token.FolderId)
            || token.Position < 0
            || token.PageSize is < 1 or > QueryOptions.MaxPageSize
            || token.SinceVersion < 0 || token.SinceVersion > currentVersion
            || token.RoundVersion < token.SinceVersion || token.RoundVersion > currentVersion)
        {
            throw Malformed();
        }
        return token;
    }

    public static GraphRequestException Malformed() =>
        GraphRequestException.BadRequest("The $skiptoken or $deltatoken is not valid for this request.");

    /// <summary>
    /// What Graph answers for a sync state it no longer has. Not raised yet: the fault settings
    /// (GraphSimulator:Faults) will use it to expire delta tokens.
    /// </summary>
    public static GraphRequestException Expired() =>
        new(StatusCodes.Status410Gone, "syncStateNotFound", "The sync state generation is not found. Resync the folder.");
}

[JsonSerializable(typeof(DeltaToken))]
[JsonSourceGenerationOptions(UseStringEnumConverter = false)]
internal sealed partial class DeltaTokenJsonContext : JsonSerializerContext;
