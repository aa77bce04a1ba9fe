using System.Text.RegularExpressions;

namespace Reconnect.Core.Drafting;

/// <summary>What the first thread with someone says about how the relationship started.</summary>
/// <param name="MetAt">The event they met at ("DevSummit"), only when the subject clearly names one.</param>
/// <param name="Topic">The subject without reply/forward prefixes, for neutral context; never a sentence of ours.</param>
public sealed partial record FirstThread(string? MetAt, string? Topic)
{
    public static FirstThread None { get; } = new(null, null);

    /// <summary>Reads a first thread's subject, e.g. "RE: Great meeting you at DevSummit!".</summary>
    /// <remarks>
    /// Deliberately narrow: a wrong "since we met at Invoice 3342" is far worse than no context,
    /// so only phrasings that name a meeting place ("meeting you at X", "met at X",
    /// "following up from X") count, and X must look like the name of an event.
    /// </remarks>
    public static FirstThread FromSubject(string? subject)
    {
        var topic = CleanSubject(subject);
        if (topic is null)
            return None;
        var match = MeetingPhrase().Match(topic);
        return new(match.Success ? EventName(match.Groups["event"].Value) : null, topic);
    }

    private static string? CleanSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
            return null;
        var s = Whitespace().Replace(subject, " ").Trim();
        // "RE: FW: [External] Fwd:" in any order and number.
        string previous;
        do { previous = s; s = Prefix().Replace(s, "").Trim(); } while (s != previous);
        return s.Length == 0 ? null : s;
    }

    private static string? EventName(string raw)
    {
        // Cut at the first clause break: "DevSummit - slides" and "DevSummit!" are both DevSummit.
        var name = ClauseBreak().Split(raw, 2)[0].Trim();
        name = TrailingTime().Replace(name, "").Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6 || name.Length > 50 || !char.IsLetter(name[0]) && !char.IsDigit(name[0]))
            return null;
        // "at our call", "at my place", "at lunch": not events worth naming back to them.
        if (NotAnEvent().IsMatch(words[0]))
            return null;
        // An event has a name: some capital letter (so "at the office" does not count, "re:Invent" does).
        return words.Any(w => w.Any(char.IsUpper) || char.IsDigit(w[0])) ? name : null;
    }

    [GeneratedRegex(@"^\s*(?:(?:re|fw|fwd|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:|\[[^\]]{0,30}\])\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(
        @"\b(?:(?:meeting|to\s+meet|seeing|to\s+see|chatting|talking|speaking)\s+(?:with\s+)?you\s+at|(?:we\s+)?met\s+at|following\s+up\s+from|follow[\s-]?up\s+from|(?:our|the)\s+(?:chat|conversation|talk)\s+at)\s+(?<event>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeetingPhrase();

    [GeneratedRegex(@"\s+[-–—|:/]\s*|[!?,;()\[\]]|[.:](?:\s|$)")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week|month))$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingTime();

    [GeneratedRegex(@"^(?:our|my|your|his|her|their|this|that|these|those|a|an|lunch|dinner|breakfast|coffee|home|work|today|yesterday|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAnEvent();
}
