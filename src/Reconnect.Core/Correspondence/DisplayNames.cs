using System.Text;

namespace Reconnect.Core.Correspondence;

/// <summary>
/// Display names and subjects come from strangers' mail: strip control characters and bound their
/// length so a 10 KB name cannot bloat the index or a draft.
/// </summary>
public static class DisplayNames
{
    public const int MaxNameLength = 200;
    public const int MaxSubjectLength = 255;

    public static string? Clean(string? name) => CleanText(name, MaxNameLength);

    public static string? CleanSubject(string? subject) => CleanText(subject, MaxSubjectLength);

    private static string? CleanText(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        var cleaned = builder.ToString().Trim().Trim('"', '\'').Trim();
        if (cleaned.Length > 0 && char.IsHighSurrogate(cleaned[^1]))
        {
            cleaned = cleaned[..^1];
        }

        return cleaned.Length == 0 ? null : cleaned;
    }
}
