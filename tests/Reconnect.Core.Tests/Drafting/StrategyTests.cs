using Reconnect.Core.Drafting;

namespace Reconnect.Core.Tests.Drafting;

public sealed class StrategyTests
{
    [Theory]
    [InlineData(DraftingStrategy.ShareSomethingRelevant, "share-something-relevant")]
    [InlineData(DraftingStrategy.RecentActivity, "their-recent-activity")]
    [InlineData(DraftingStrategy.OwnTheGap, "own-the-gap")]
    public void WireNames_Strategy_RoundTrip(DraftingStrategy strategy, string wire)
    {
        Assert.Equal(wire, strategy.ToWireName());
        Assert.True(DraftingNames.TryParseStrategy($" {wire.ToUpperInvariant()} ", out var parsed));
        Assert.Equal(strategy, parsed);
    }

    [Theory]
    [InlineData(Tone.Warm, "warm")]
    [InlineData(Tone.Professional, "professional")]
    public void WireNames_Tone_RoundTrip(Tone tone, string wire)
    {
        Assert.Equal(wire, tone.ToWireName());
        Assert.True(DraftingNames.TryParseTone(wire, out var parsed));
        Assert.Equal(tone, parsed);
    }

    [Theory]
    [InlineData("OwnTheGap")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseStrategy_NotAWireName_ReturnsFalse(string? name) =>
        Assert.False(DraftingNames.TryParseStrategy(name, out _));

    [Fact]
    public void Catalog_EveryStrategy_HasItsIdWhyAndInputs()
    {
        Assert.Equal(Enum.GetValues<DraftingStrategy>(), StrategyCatalog.All.Select(s => s.Strategy));
        foreach (var info in StrategyCatalog.All)
        {
            Assert.Equal(info.Strategy.ToWireName(), info.Id);
            Assert.False(string.IsNullOrWhiteSpace(info.Title));
            Assert.False(string.IsNullOrWhiteSpace(info.Description));
            Assert.False(string.IsNullOrWhiteSpace(info.Why));
            Assert.NotEmpty(info.Inputs);
            Assert.All(info.Inputs, i => Assert.True(i.MaxLength > 0));
        }
        Assert.Equal(["link", "linkTitle", "whyRelevant"], StrategyCatalog.Get(DraftingStrategy.ShareSomethingRelevant).Inputs.Select(i => i.Name));
        Assert.Equal("url", StrategyCatalog.Get(DraftingStrategy.ShareSomethingRelevant).Inputs[0].KindName);
        Assert.True(StrategyCatalog.Get(DraftingStrategy.RecentActivity).Inputs.Single(i => i.Name == "activity").Required);
        Assert.False(StrategyCatalog.Get(DraftingStrategy.OwnTheGap).Inputs.Single().Required);
    }

    [Theory]
    [InlineData(true, true, DraftingStrategy.ShareSomethingRelevant)]
    [InlineData(true, false, DraftingStrategy.ShareSomethingRelevant)]
    [InlineData(false, true, DraftingStrategy.RecentActivity)]
    [InlineData(false, false, DraftingStrategy.OwnTheGap)]
    public void Recommend_ArticleThenActivityElseGap(bool article, bool activity, DraftingStrategy expected)
    {
        var recommendation = StrategyRecommender.Recommend(article, activity);
        Assert.Equal(expected, recommendation.Strategy);
        Assert.Equal(expected.ToWireName(), recommendation.Id);
        Assert.Equal(StrategyCatalog.Get(expected).Why, recommendation.Why);
    }

    [Fact]
    public void Recommend_FromInputs_IgnoresBlankValuesAndKeyCase()
    {
        Assert.Equal(DraftingStrategy.OwnTheGap, StrategyRecommender.Recommend(new Dictionary<string, string?> { ["link"] = "  ", ["activity"] = null }).Strategy);
        Assert.Equal(DraftingStrategy.RecentActivity, StrategyRecommender.Recommend(new Dictionary<string, string?> { ["Activity"] = "your post" }).Strategy);
        Assert.Equal(DraftingStrategy.ShareSomethingRelevant, StrategyRecommender.Recommend(new Dictionary<string, string?> { ["link"] = "https://x.example", ["activity"] = "your post" }).Strategy);
        Assert.Equal(DraftingStrategy.OwnTheGap, StrategyRecommender.Recommend(null).Strategy);
    }
}
