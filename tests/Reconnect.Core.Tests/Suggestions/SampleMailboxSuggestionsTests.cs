using System.Globalization;
using Reconnect.Core.People;
using Reconnect.Core.Staleness;
using Reconnect.Core.Suggestions;
using Reconnect.Core.Tests.Support;

namespace Reconnect.Core.Tests.Suggestions;

/// <summary>The "done when" on the hand-made sample mailbox, at now = 2026-11-26.</summary>
public sealed class SampleMailboxSuggestionsTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    private static readonly IReadOnlyList<PersonProfile> People = SampleMailbox.Instance.People();

    private static PersonProfile Person(string address) => People.Single(p => p.Addresses.Contains(address));

    private static IReadOnlyList<Suggestion> Suggestions(SuggestionFeedback? feedback = null) =>
        SuggestionRanker.Rank(People, Now, SuggestionSettings.Default, feedback ?? SuggestionFeedback.None, 20);

    [Fact]
    public void Helper_ReproducesTheExpectedCorrespondenceTable()
    {
        var expected = File.ReadAllLines(Path.Combine(SampleMailbox.Folder, "expected-correspondents.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), Date(f[3]), Date(f[4])))
            .ToList();

        var actual = SampleMailbox.Instance.Correspondents
            .Select(c => (c.Address, c.SentCount, c.ReceivedCount, c.LastSent, c.LastReceived))
            .ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void CrystalCory_IsOnePersonWithBothAddresses_BestAddressFirst()
    {
        var crystal = Person("crystal.cory@fabrikam.example");

        Assert.Equal("Crystal Cory", crystal.DisplayName);
        Assert.Equal("Crystal", crystal.GivenName);
        Assert.Equal("C1", crystal.ContactId);
        Assert.Equal(["ccory@personal.example", "crystal.cory@fabrikam.example"], crystal.Addresses);
        Assert.Same(crystal, Person("ccory@personal.example"));
        Assert.Equal(3, crystal.SentCount);
        Assert.Equal(3, crystal.ReceivedCount);
        Assert.Equal(At("2024-05-03T10:00:00Z"), crystal.LastContact);
        Assert.Equal(At("2024-03-12T15:02:00Z"), crystal.FirstContact);
        Assert.False(crystal.IsAutomated);
        Assert.True(crystal.TwoWayExchanges >= 3);
    }

    [Fact]
    public void CrystalCory_IsTheTopSuggestion()
    {
        var top = Suggestions()[0];

        Assert.Equal(Person("ccory@personal.example").PersonId, top.PersonId);
        Assert.Equal("Crystal Cory", top.DisplayName);
        Assert.Equal(At("2024-05-03T10:00:00Z"), top.LastContact);
        Assert.Equal("2 years, 6 months", top.SilenceText);
        Assert.Equal("You exchanged 6 emails between March and May 2024; nothing since, 2 years and 6 months.", top.Reason);
        Assert.Equal(SuggestionStrategies.OwnTheGap, top.SuggestedStrategy);
        Assert.Equal(937, top.SilenceDays);
    }

    [Fact]
    public void SamPatel_IsNotStale()
    {
        var sam = Person("sam.patel@contoso.example");

        Assert.False(StalenessJudge.Judge(sam, Now, StalenessPolicy.Default).IsStale);
        Assert.False(StalenessJudge.Judge(sam, Now, new StalenessPolicy(3)).IsStale);
        Assert.DoesNotContain(Suggestions(), s => s.PersonId == sam.PersonId);
        Assert.Equal(TimeSpan.FromDays(14), sam.UsualRhythm);
    }

    [Fact]
    public void NoraLindqvist_IsStaleAndSuggested()
    {
        var nora = Person("nora@woodgrove.example");

        var verdict = StalenessJudge.Judge(nora, Now, StalenessPolicy.Default);

        Assert.True(verdict.IsStale);
        Assert.Equal("Nora Lindqvist", nora.DisplayName);
        Assert.Equal(1, nora.SentCount);
        Assert.Equal(1, nora.TwoWayExchanges);
        var suggestion = Assert.Single(Suggestions(), s => s.PersonId == nora.PersonId);
        Assert.Equal("You exchanged 2 emails in October 2023; nothing since, 3 years and 1 month.", suggestion.Reason);
    }

    [Theory]
    [InlineData("newsletter@industryweekly.example")]
    [InlineData("no-reply@events.example")]
    public void MachineSenders_AreAutomatedAndNeverSuggested(string address)
    {
        var sender = Person(address);

        Assert.True(sender.IsAutomated);
        Assert.NotEmpty(sender.Automated.Reasons);
        Assert.DoesNotContain(Suggestions(), s => s.Addresses.Contains(address));
        Assert.DoesNotContain(SuggestionRanker.Rank(People, Now, SuggestionSettings.ForThreshold(3), SuggestionFeedback.None, 200), s => s.Addresses.Contains(address));
    }

    [Fact]
    public void AutomatedFlags_MatchTheExpectedTable()
    {
        var expected = File.ReadAllLines(Path.Combine(SampleMailbox.Folder, "expected-correspondents.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => f[5] == "true");

        foreach (var (address, automated) in expected)
        {
            Assert.True(automated == Person(address).IsAutomated, address);
        }
    }

    [Fact]
    public void PriyaRaman_IsNoMailYet_AndNeverRankedAboveRealHistory()
    {
        var priya = Person("priya@litware.example");

        Assert.True(priya.NoMailYet);
        Assert.Equal("Priya Raman", priya.DisplayName);
        Assert.Equal("C3", priya.ContactId);
        Assert.Null(priya.LastContact);
        Assert.False(StalenessJudge.Judge(priya, Now, StalenessPolicy.Default).IsStale);
        Assert.DoesNotContain(Suggestions(), s => s.PersonId == priya.PersonId);
        Assert.All(People.Where(p => !p.NoMailYet && !p.IsAutomated), p => Assert.True(p.Worth > priya.Worth));
    }

    [Fact]
    public void Suggestions_AreTheStaleTwoWayRelationships_InWorthOrder()
    {
        var names = Suggestions().Select(s => s.DisplayName).ToList();

        // Lee Wong was Cc'd once and wrote once ten months later: no reply, no relationship.
        Assert.Equal(["Crystal Cory", "Nora Lindqvist", "Ola Nordmann"], names);
    }

    [Fact]
    public void Feedback_OnEitherAddress_HoldsBackThePerson()
    {
        var dismissed = new SuggestionFeedback(["crystal.cory@fabrikam.example"], [], []);
        var snoozed = new SuggestionFeedback([], [new("ccory@personal.example", Now.AddMonths(1))], []);

        Assert.DoesNotContain(Suggestions(dismissed), s => s.DisplayName == "Crystal Cory");
        Assert.DoesNotContain(Suggestions(snoozed), s => s.DisplayName == "Crystal Cory");
        Assert.Equal("Crystal Cory", Suggestions(new SuggestionFeedback([], [new("ccory@personal.example", Now.AddDays(-1))], []))[0].DisplayName);
    }

    [Fact]
    public void NotAPerson_AtBuild_MarksThePersonAutomated()
    {
        var people = SampleMailbox.Instance.People(notAPerson: ["nora@woodgrove.example"]);

        var nora = people.Single(p => p.Addresses.Contains("nora@woodgrove.example"));

        Assert.True(nora.IsAutomated);
        Assert.Equal([AutomatedVerdict.MarkedByUserReason], nora.Automated.Reasons);
        Assert.DoesNotContain(SuggestionRanker.Rank(people, Now, SuggestionSettings.Default, SuggestionFeedback.None, 20), s => s.PersonId == nora.PersonId);
    }

    private static DateTime? Date(string text) => text.Length == 0 ? null : At(text);

    private static DateTime At(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
