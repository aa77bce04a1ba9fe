namespace Reconnect.Core.Drafting;

/// <summary>A suggested strategy and the line that explains it.</summary>
public sealed record StrategyRecommendation(DraftingStrategy Strategy, string Id, string Why);

/// <summary>Picks the strategy that fits what the user has to say (the brief's rule).</summary>
public static class StrategyRecommender
{
    /// <summary>An article wins, then their activity, else owning the gap.</summary>
    public static StrategyRecommendation Recommend(bool hasArticle, bool hasActivity)
    {
        var info = StrategyCatalog.Get(
            hasArticle ? DraftingStrategy.ShareSomethingRelevant
            : hasActivity ? DraftingStrategy.RecentActivity
            : DraftingStrategy.OwnTheGap);
        return new(info.Strategy, info.Id, info.Why);
    }

    /// <summary>Recommends from whatever inputs the task pane has filled in so far (any strategy's).</summary>
    public static StrategyRecommendation Recommend(IReadOnlyDictionary<string, string?>? inputs) =>
        Recommend(HasValue(inputs, StrategyCatalog.Inputs.Link), HasValue(inputs, StrategyCatalog.Inputs.Activity));

    private static bool HasValue(IReadOnlyDictionary<string, string?>? inputs, string name) =>
        inputs is not null && inputs.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value));
}
