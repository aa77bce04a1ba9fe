using System.Text;
using Reconnect.Core.Correspondence;

namespace Reconnect.Core.People;

/// <summary>Display names as people write them, tidied for showing and compared for merging.</summary>
public static class PersonNames
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq.",
    };

    /// <summary>
    /// A name fit to show: "Cory, Crystal" becomes "Crystal Cory", a trailing "(Woodgrove)" or
    /// "[External]" goes, and a "name" that is only an address is no name.
    /// </summary>
    public static string? Tidy(string? name)
    {
        var text = DisplayNames.Clean(name);
        if (text is null || EmailAddress.Normalize(text) is not null || text.Contains('@'))
        {
            return null;
        }

        text = StripBracketed(text);
        var comma = text.IndexOf(',');
        if (comma > 0 && comma == text.LastIndexOf(','))
        {
            var last = text[..comma].Trim();
            var first = text[(comma + 1)..].Trim();
            if (first.Length > 0 && last.Length > 0 && !Suffixes.Contains(first) && WordCount(first) <= 2 && WordCount(last) <= 2)
            {
                text = first + " " + last;
            }
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The key two addresses must share for the same-name merge: the tidied name, lower-cased,
    /// punctuation dropped, only when it is a full name (at least two words of two letters or more,
    /// no digits). "J. Smith", "Jordan" and "Support Team 2" give no key.
    /// </summary>
    public static string? MergeKey(string? name)
    {
        var tidy = Tidy(name);
        if (tidy is null)
        {
            return null;
        }

        var builder = new StringBuilder(tidy.Length);
        var words = 0;
        // Apostrophes join (O'Neil is "oneil"), hyphens separate (Mary-Ann is "mary ann").
        var plain = tidy.Replace("'", string.Empty, StringComparison.Ordinal).Replace("\u2019", string.Empty, StringComparison.Ordinal);
        foreach (var word in plain.Split([' ', '.', '"', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var c in word)
            {
                if (char.IsDigit(c))
                {
                    return null;
                }
            }

            var letters = word.Count(char.IsLetter);
            if (letters < 2 || letters != word.Length)
            {
                return null;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(word.ToLowerInvariant());
            words++;
        }

        return words >= 2 ? builder.ToString() : null;
    }

    /// <summary>The first word of a full name, for a greeting; null for a single word or no name.</summary>
    public static string? FirstWord(string? tidyName)
    {
        if (tidyName is null)
        {
            return null;
        }

        var words = tidyName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 1 && words[0].Any(char.IsLetter) ? words[0] : null;
    }

    private static string StripBracketed(string text)
    {
        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ',', '-');
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
