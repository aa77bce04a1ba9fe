namespace Reconnect.Core.Suggestions;

/// <summary>
/// One person worth writing to, as <c>GET /api/suggestions</c> returns it.
/// </summary>
/// <param name="LastContact">The last personal contact the silence runs from.</param>
/// <param name="SilenceText">The silence in words: "2 years, 6 months".</param>
/// <param name="Reason">A sentence from the numbers: "You exchanged 6 emails between March and May 2024; nothing since, 2 years and 6 months."</param>
/// <param name="SuggestedStrategy">A strategy's wire name (<see cref="SuggestionStrategies"/>).</param>
public sealed record Suggestion(
    string PersonId,
    string DisplayName,
    IReadOnlyList<string> Addresses,
    DateTime LastContact,
    int SilenceDays,
    string SilenceText,
    string Reason,
    string SuggestedStrategy);

/// <summary>
/// The drafting strategies' wire names, as the task pane and the drafting templates know them
/// (Drafting's <c>DraftingNames</c>).
/// </summary>
public static class SuggestionStrategies
{
    public const string ShareSomethingRelevant = Drafting.DraftingNames.ShareSomethingRelevant;
    public const string TheirRecentActivity = Drafting.DraftingNames.RecentActivity;

    /// <summary>
    /// The strategy that needs nothing but the history: the other two need something the user
    /// knows (an article, their news), so from mail alone every suggestion is "own the gap".
    /// </summary>
    public const string OwnTheGap = Drafting.DraftingNames.OwnTheGap;
}
