using Reconnect.Core.Staleness;

namespace Reconnect.Core.Suggestions;

/// <summary>A user's settings for suggestions.</summary>
/// <param name="Staleness">The threshold the user chose, and the rhythm multiple.</param>
/// <param name="MinimumTwoWayExchanges">
/// A stale friend needs a real two-way relationship: at least this many replies in personal mail.
/// People the user met once and who never replied, mass mail and one-way senders stay out.
/// </param>
public sealed record SuggestionSettings(
    StalenessPolicy Staleness,
    int MinimumTwoWayExchanges = 1)
{
    public static readonly SuggestionSettings Default = new(StalenessPolicy.Default);

    public static SuggestionSettings ForThreshold(int months) => new(new StalenessPolicy(months));
}
