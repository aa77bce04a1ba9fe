namespace Reconnect.Core.Drafting;

/// <summary>The three ways of writing to someone after a silence (the product brief).</summary>
public enum DraftingStrategy
{
    /// <summary>Wire name <c>share-something-relevant</c>.</summary>
    ShareSomethingRelevant,
    /// <summary>Wire name <c>their-recent-activity</c>.</summary>
    RecentActivity,
    /// <summary>Wire name <c>own-the-gap</c>.</summary>
    OwnTheGap,
}

/// <summary>The voice of a draft.</summary>
public enum Tone
{
    /// <summary>Casual and friendly; wire name <c>warm</c>.</summary>
    Warm,
    /// <summary>Polite and measured; wire name <c>professional</c>.</summary>
    Professional,
}

/// <summary>
/// The names strategies and tones have on the wire (JSON, routes) and in template folders.
/// </summary>
/// <remarks>
/// Kept apart from the enum member names so that renaming a member never breaks the task pane
/// or the template store, which key on these strings.
/// </remarks>
public static class DraftingNames
{
    public const string ShareSomethingRelevant = "share-something-relevant";
    public const string RecentActivity = "their-recent-activity";
    public const string OwnTheGap = "own-the-gap";
    public const string Warm = "warm";
    public const string Professional = "professional";

    public static string ToWireName(this DraftingStrategy strategy) => strategy switch
    {
        DraftingStrategy.ShareSomethingRelevant => ShareSomethingRelevant,
        DraftingStrategy.RecentActivity => RecentActivity,
        DraftingStrategy.OwnTheGap => OwnTheGap,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    public static string ToWireName(this Tone tone) => tone switch
    {
        Tone.Warm => Warm,
        Tone.Professional => Professional,
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };

    /// <summary>Parses a strategy's wire name (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParseStrategy(string? name, out DraftingStrategy strategy)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case ShareSomethingRelevant: strategy = DraftingStrategy.ShareSomethingRelevant; return true;
            case RecentActivity: strategy = DraftingStrategy.RecentActivity; return true;
            case OwnTheGap: strategy = DraftingStrategy.OwnTheGap; return true;
            default: strategy = default; return false;
        }
    }

    /// <summary>Parses a tone's wire name (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParseTone(string? name, out Tone tone)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case Warm: tone = Tone.Warm; return true;
            case Professional: tone = Tone.Professional; return true;
            default: tone = default; return false;
        }
    }
}
