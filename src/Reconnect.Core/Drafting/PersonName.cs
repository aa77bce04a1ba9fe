using System.Collections.Frozen;
using System.Text;

namespace Reconnect.Core.Drafting;

/// <summary>
/// Reads names out of what mail gives us: display names in every corporate format, or only an address.
/// </summary>
/// <remarks>
/// The rule throughout: a neutral greeting ("Hi there,") is better than a wrong name, so anything
/// doubtful (a role mailbox, an initial, markup, digits) yields <c>null</c>.
/// </remarks>
public static class PersonName
{
    private static readonly FrozenSet<string> Honorifics = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "rev", "fr", "herr", "frau");

    private static readonly FrozenSet<string> Suffixes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "cpa", "esq", "pe", "msc", "bsc");

    // Mailboxes that are a function, not a person: greeting "Hi Info," is worse than "Hi there,".
    private static readonly FrozenSet<string> RoleWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "info", "noreply", "no-reply", "donotreply", "do-not-reply", "admin", "administrator", "support", "sales",
        "contact", "hello", "hi", "team", "office", "billing", "accounts", "accounting", "hr", "jobs", "careers",
        "marketing", "newsletter", "news", "notifications", "notification", "mailer-daemon", "postmaster", "webmaster",
        "help", "helpdesk", "service", "services", "enquiries", "inquiries", "reception", "mail", "staff",
        "feedback", "orders", "invoices", "system", "alerts", "security", "everyone", "all", "user", "unknown");

    private static readonly char[] Quotes = ['"', '\'', '‘', '’', '“', '”', '«', '»', '`'];
    private static readonly char[] DoubleQuotes = ['"', '“', '”', '«', '»', '`'];

    /// <summary>The first name to greet someone by, or <c>null</c> when a neutral greeting is safer.</summary>
    /// <param name="displayName">The display name as mail or contacts have it, e.g. <c>Cory, Crystal</c>.</param>
    /// <param name="address">Their address, used when there is no usable display name.</param>
    public static string? FirstNameOf(string? displayName, string? address)
    {
        var tokens = NameTokens(displayName);
        if (tokens is { Count: > 0 })
            // "Fabrikam Support" is a mailbox, not a person called Fabrikam.
            return tokens.Any(RoleWords.Contains) ? null : FirstUsable(tokens, IsOneCase(tokens));
        return FromAddress(address ?? displayName);
    }

    /// <summary>The name as a person would write it ("Crystal Cory" from <c>Cory, Crystal (Fabrikam)</c>), or <c>null</c>.</summary>
    public static string? FullNameOf(string? displayName)
    {
        var tokens = NameTokens(displayName);
        if (tokens is null || tokens.Count == 0 || tokens.Any(t => !IsNameToken(t)))
            return null;
        var recase = IsOneCase(tokens);
        return string.Join(' ', tokens.Select(t => recase ? Recase(t) : t));
    }

    // The display name's words in "given names first" order without titles and decorations;
    // null when the display name is missing or is really an address.
    private static List<string>? NameTokens(string? displayName)
    {
        var name = Strip(displayName);
        if (name.Length == 0 || name.Contains('@'))
            return null;
        if (!name.Contains(' ') && !name.Contains(',') && name.Contains('.') && !name.EndsWith('.'))
            return null; // "crystal.cory": a local part used as a display name

        var parts = name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        parts.RemoveAll(p => Suffixes.Contains(p.TrimEnd('.')));
        // "Cory, Crystal": the given names come after the comma.
        if (parts.Count >= 2)
            parts = [.. parts[1..], parts[0]];

        var tokens = string.Join(' ', parts).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        tokens.RemoveAll(t => Honorifics.Contains(t.TrimEnd('.')) || Suffixes.Contains(t.TrimEnd('.')));
        return tokens;
    }

    // Quotes, "(Fabrikam)", "[External]", "<addr@host>" and a " - Company" tail are decorations, not names.
    // Other angle brackets stay, so markup can never pass for a name.
    private static string Strip(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return "";
        var sb = new StringBuilder(value.Length);
        int depth = 0;
        for (int i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '<' && depth == 0 && value.IndexOf('>', i) is var close and > 0 && value.AsSpan(i, close - i).Contains('@'))
                i = close;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && Array.IndexOf(DoubleQuotes, c) < 0) sb.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c);
        }
        var s = sb.ToString();
        foreach (var separator in (string[])[" - ", " | ", " – ", " — ", " / "])
        {
            var i = s.IndexOf(separator, StringComparison.Ordinal);
            if (i > 0) s = s[..i];
        }
        // Apostrophes inside a name ("O'Neil") stay; quotes around it go.
        return s.Trim().Trim(Quotes).Trim();
    }

    private static string? FirstUsable(List<string> tokens, bool recase)
    {
        var first = tokens[0];
        // "J. Crystal Cory" goes by her middle name; "J. Cory" has no first name we can use.
        if (IsInitial(first))
            return tokens.Count >= 3 && !IsInitial(tokens[1]) ? Usable(tokens[1], recase) : null;
        return Usable(first, recase);
    }

    private static string? FromAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return null;
        var local = address.Trim().Trim('<', '>', '"', '\'');
        if (local.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            local = local[7..];
        var at = local.IndexOf('@');
        if (at >= 0) local = local[..at];
        var plus = local.IndexOf('+');
        if (plus >= 0) local = local[..plus];

        // Only "first.last" style is trusted: "ccory" may be an initial and a surname.
        var segments = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0].Length < 2 || RoleWords.Contains(local))
            return null;
        return Usable(segments[0], recase: !segments[0].Any(char.IsUpper));
    }

    private static string? Usable(string token, bool recase)
    {
        if (!IsNameToken(token) || RoleWords.Contains(token) || IsInitial(token))
            return null;
        return recase ? Recase(token) : token;
    }

    private static bool IsInitial(string token) => token.TrimEnd('.').Length <= 1;

    private static bool IsNameToken(string token) =>
        token.Any(char.IsLetter) && token.All(c => char.IsLetter(c) || c is '\'' or '’' or '-' or '.');

    // A name in ALL CAPS or all lower case is how the data came, not how the person writes it;
    // any mix ("Anna van der Berg", "McDonald") is deliberate and kept as it is.
    private static bool IsOneCase(List<string> tokens) =>
        !tokens.Any(t => t.Any(char.IsLower)) || !tokens.Any(t => t.Any(char.IsUpper));

    private static string Recase(string token)
    {
        var chars = token.ToLowerInvariant().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is '-' or '\'' or '’' or '.')
                chars[i] = char.ToUpperInvariant(chars[i]);
        }
        return new string(chars);
    }
}
