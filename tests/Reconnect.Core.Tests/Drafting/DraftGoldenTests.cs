using System.Runtime.CompilerServices;
using Reconnect.Core.Drafting;
using static Reconnect.Core.Tests.Drafting.DraftFixtures;
using Inputs = Reconnect.Core.Drafting.StrategyCatalog.Inputs;

namespace Reconnect.Core.Tests.Drafting;

/// <summary>
/// Every strategy × tone, with and without each optional input, against files in <c>Golden/</c>
/// that a person has read. To regenerate after a deliberate wording change, run with
/// <c>RECONNECT_UPDATE_GOLDEN=1</c> and read the diff before committing it.
/// </summary>
public sealed class DraftGoldenTests
{
    private const string Link = "https://example.com/blog/flaky-tests?utm_source=x&ref=1";

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var tone in (string[])["warm", "professional"])
        {
            foreach (var variant in (string[])["link", "link-title", "link-why", "link-title-why"])
                data.Add(DraftingNames.ShareSomethingRelevant, tone, variant);
            foreach (var variant in (string[])["activity", "activity-view", "no-history"])
                data.Add(DraftingNames.RecentActivity, tone, variant);
            foreach (var variant in (string[])["plain", "news", "met-at", "met-at-news", "no-history", "no-name"])
                data.Add(DraftingNames.OwnTheGap, tone, variant);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compose_StrategyToneAndInputs_MatchesGoldenFile(string strategy, string tone, string variant)
    {
        var (context, inputs) = Case(variant);
        var draft = new DraftComposer().Compose(context, Spec(strategy, tone, inputs));

        Assert.Empty(draft.Warnings);
        AssertGolden($"{strategy}.{tone}.{variant}.txt", Show(draft));
    }

    private static (DraftContext, (string, string?)[]) Case(string variant) => variant switch
    {
        "link" => (Crystal(), [(Inputs.Link, Link)]),
        "link-title" => (Crystal(), [(Inputs.Link, Link), (Inputs.LinkTitle, "The hidden cost of flaky tests")]),
        "link-why" => (Crystal(), [(Inputs.Link, Link), (Inputs.WhyRelevant, "you mentioned your team was fighting flaky integration tests")]),
        "link-title-why" => (Crystal(), [(Inputs.Link, Link), (Inputs.LinkTitle, "The hidden cost of flaky tests"),
            (Inputs.WhyRelevant, "You mentioned your team was fighting flaky integration tests.")]),
        "activity" => (Crystal(Now.AddDays(-243)), [(Inputs.Activity, "Your post about moving to Postgres.")]),
        "activity-view" => (Crystal(Now.AddDays(-243)), [(Inputs.Activity, "your post about moving to Postgres"),
            (Inputs.UserView, "I really liked your point about rehearsing the rollback")]),
        "no-history" => (Crystal() with { LastContact = null }, [(Inputs.Activity, "the news of your new role at Northwind")]),
        "plain" => (Crystal(Now.AddDays(-1200)), []),
        "news" => (Crystal(Now.AddDays(-1200)), [(Inputs.UserNews, "I've moved to the platform team and I'm learning a lot about on-call.")]),
        "met-at" => (Crystal(Now.AddDays(-650), "RE: Great meeting you at DevSummit!"), []),
        "met-at-news" => (Crystal(Now.AddDays(-650), "RE: Great meeting you at DevSummit!"),
            [(Inputs.UserNews, "I've moved to the platform team and I'm learning a lot about on-call.")]),
        "no-name" => (new DraftContext(new DraftRecipient(null, "info@fabrikam.example"), null, null, Now, "Invoice 3342"), []),
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    private static void AssertGolden(string name, string actual, [CallerFilePath] string thisFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("RECONNECT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Missing golden file {name}; run with RECONNECT_UPDATE_GOLDEN=1 and read it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
