namespace Reconnect.Core.Correspondence;

/// <summary>
/// Cleans the addresses real mail carries (mixed case, padding, <c>mailto:</c>, quotes, angle brackets)
/// into one comparable form, and refuses what is not an SMTP address at all.
/// </summary>
public static class EmailAddress
{
    /// <summary>Longest address kept; RFC 5321 allows 254 characters in a path.</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// The trimmed, lower-cased SMTP address, or null for a missing, malformed or Exchange legacy
    /// (<c>/o=...</c>, <c>IMCEAEX-...</c>, <c>IMCEANOTES-...</c>) address.
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        // "Name <addr>" pasted into an address field: the angle brackets hold the address.
        var open = text.LastIndexOf('<');
        var close = text.LastIndexOf('>');
        if (open >= 0 && close > open)
        {
            text = text[(open + 1)..close];
        }

        text = text.Trim().Trim('"').Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["mailto:".Length..];
        }

        text = StripWrapping(text.Trim(), '\'').Trim('<', '>', '"', ' ').ToLowerInvariant();
        return IsSmtpAddress(text) ? text : null;
    }

    /// <summary>The part before the @ of a normalized address.</summary>
    public static string LocalPart(string normalizedAddress)
    {
        var at = normalizedAddress.LastIndexOf('@');
        return at < 0 ? normalizedAddress : normalizedAddress[..at];
    }

    /// <summary>The part after the @ of a normalized address.</summary>
    public static string Domain(string normalizedAddress)
    {
        var at = normalizedAddress.LastIndexOf('@');
        return at < 0 ? string.Empty : normalizedAddress[(at + 1)..];
    }

    // Only a quote on both ends is wrapping: a lone leading apostrophe belongs to the address as given.
    private static string StripWrapping(string text, char quote) =>
        text.Length >= 2 && text[0] == quote && text[^1] == quote ? text[1..^1] : text;

    private static bool IsSmtpAddress(string text)
    {
        if (text.Length is 0 or > MaxLength
            || text.StartsWith("/o=", StringComparison.Ordinal)
            || text.StartsWith("imceaex-", StringComparison.Ordinal)
            || text.StartsWith("imceanotes-", StringComparison.Ordinal))
        {
            return false;
        }

        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or '"' or '[' or ']' or '\\')
            {
                return false;
            }
        }

        return text.IndexOf('.', at) > at + 1;
    }
}
