using System.Net;
using System.Text;

namespace Reconnect.Core.Drafting;

/// <summary>Turns a rendered template (plain text) into the draft's subject, text body and HTML body.</summary>
/// <remarks>
/// Templates produce text, never markup: the HTML is derived by encoding the whole text and adding
/// only <c>&lt;p&gt;</c>, <c>&lt;br&gt;</c> and the validated link. So no value, and no user template,
/// can put markup in a draft, whatever it contains.
/// </remarks>
internal static class DraftText
{
    /// <summary>Stands for the shared link in the model; a private-use character no input may contain.</summary>
    public const char LinkMarker = '\uE000';
    public const string LinkMarkerString = "\uE000";

    /// <summary>Lines trimmed, runs of spaces collapsed, paragraphs separated by one blank line.</summary>
    /// <remarks>Lets templates leave a sentence out with a plain <c>if</c> and no whitespace bookkeeping.</remarks>
    public static List<List<string>> Paragraphs(string rendered)
    {
        var paragraphs = new List<List<string>>();
        List<string>? current = null;
        foreach (var raw in rendered.Split('\n'))
        {
            var line = CollapseSpaces(raw);
            if (line.Length == 0) { current = null; continue; }
            if (current is null) paragraphs.Add(current = []);
            current.Add(line);
        }
        return paragraphs;
    }

    public static string Subject(string rendered, Uri? link, string? linkTitle) =>
        CollapseSpaces(rendered.Replace('\n', ' ')).Replace(LinkMarkerString, linkTitle ?? link?.AbsoluteUri ?? "");

    public static string Text(List<List<string>> paragraphs, Uri? link, string? linkTitle)
    {
        var linkText = link is null ? "" : linkTitle is null ? link.AbsoluteUri : $"{linkTitle} ({link.AbsoluteUri})";
        return string.Join("\n\n", paragraphs.Select(p => string.Join('\n', p))).Replace(LinkMarkerString, linkText);
    }

    public static string Html(List<List<string>> paragraphs, Uri? link, string? linkTitle)
    {
        var anchor = link is null ? "" :
            $"<a href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\">{WebUtility.HtmlEncode(linkTitle ?? link.AbsoluteUri)}</a>";
        var sb = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append("<p>");
            for (int i = 0; i < paragraph.Count; i++)
            {
                if (i > 0) sb.Append("<br>");
                // Encode around the marker, never the anchor itself.
                var pieces = paragraph[i].Split(LinkMarker);
                for (int j = 0; j < pieces.Length; j++)
                {
                    if (j > 0) sb.Append(anchor);
                    sb.Append(WebUtility.HtmlEncode(pieces[j]));
                }
            }
            sb.Append("</p>");
        }
        return sb.ToString();
    }

    private static string CollapseSpaces(string line)
    {
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c is ' ' or '\t' or '\r' || char.IsControl(c)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
            else sb.Append(c);
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>A phrase that will sit inside our sentence: "Your post…" becomes "your post…", no final full stop.</summary>
    public static string? AsPhrase(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var s = value.TrimEnd('.', '!', ',', ';', ':', ' ');
        var space = s.IndexOf(' ');
        var firstWord = space < 0 ? s : s[..space];
        if (firstWord is "Your" or "The" or "A" or "An" or "That" or "This" or "Their" or "His" or "Her")
            s = char.ToLowerInvariant(s[0]) + s[1..];
        return s.Length == 0 ? null : s;
    }

    /// <summary>One or more sentences of the user's, finished with a full stop if they left it off.</summary>
    public static string? AsSentences(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var s = value.TrimEnd();
        var last = s.TrimEnd('"', '\'', '”', '’', ')').LastOrDefault();
        if (last is not ('.' or '!' or '?' or '…'))
            s += ".";
        // "you mentioned…" starts a sentence of ours; "iPhone…" and "eBay…" are spelt that way on purpose.
        return char.IsLower(s[0]) && (s.Length == 1 || !char.IsUpper(s[1])) ? char.ToUpperInvariant(s[0]) + s[1..] : s;
    }
}
