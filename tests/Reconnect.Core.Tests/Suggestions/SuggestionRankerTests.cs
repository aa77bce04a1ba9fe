using System.Diagnostics;
using Reconnect.Core.People;
using Reconnect.Core.Suggestions;
using Reconnect.Core.Tests.Support;
using static Reconnect.Core.Tests.Support.Mail;

namespace Reconnect.Core.Tests.Suggestions;

public sealed class SuggestionRankerTests
{
    private static readonly DateTime Now = Day(2026, 11, 26);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static IReadOnlyList<Suggestion> Rank(IReadOnlyList<PersonProfile> people, SuggestionFeedback? feedback = null, int take = 20, int months = 12) =>
        SuggestionRanker.Rank(people, Now, SuggestionSettings.ForThreshold(months), feedback ?? SuggestionFeedback.None, take);

    private static IReadOnlyList<PersonProfile> Mixed() => new Mail()
        .Named("close@x.example", "Close Friend").Thread("close@x.example", Day(2021, 1, 1), 20, TimeSpan.FromDays(30))
        .Named("thread@x.example", "Short Thread").Thread("thread@x.example", Day(2024, 1, 1), 3, Week)
        .Named("oneoff@x.example", "One Off").Thread("oneoff@x.example", Day(2024, 1, 1), 1, Week)
        .Named("ancient@x.example", "Ancient Thread").Thread("ancient@x.example", Day(2012, 1, 1), 3, Week)
        .Named("recent@x.example", "Recent Friend").Thread("recent@x.example", Day(2026, 9, 1), 5, Week)
        .Named("mass@x.example", "Mass Mailer").Thread("mass@x.example", Day(2023, 1, 1), 10, Week, groupSize: 40)
        .Named("ignored@x.example", "Never Replied").Sent("ignored@x.example", Day(2023, 1, 1)).Sent("ignored@x.example", Day(2023, 2, 1))
        .Named("fan@x.example", "One Way Fan").Received("fan@x.example", Day(2023, 1, 1)).Received("fan@x.example", Day(2023, 3, 1))
        .Named("news@list.example", "Weekly News").Thread("news@list.example", Day(2023, 1, 1), 1, Week)
        .Received("news@list.example", Day(2023, 2, 1), bulk: Core.Correspondence.BulkSignals.ListUnsubscribe)
        .Contact("P", "No Mail Yet", "nomail@x.example")
        .People();

    [Fact]
    public void Rank_OrdersByWorthThenByFreshnessOfTheSilence()
    {
        var names = Rank(Mixed()).Select(s => s.DisplayName).ToList();

        // A three-exchange thread fifteen years ago still outweighs a single exchange three years ago.
        Assert.Equal(["Close Friend", "Short Thread", "Ancient Thread", "One Off"], names);
    }

    [Fact]
    public void Rank_LeavesOutMassMailOneWayAutomatedRecentAndNoMail()
    {
        var names = Rank(Mixed(), take: 200).Select(s => s.DisplayName).ToList();

        Assert.DoesNotContain("Recent Friend", names);
        Assert.DoesNotContain("Mass Mailer", names);
        Assert.DoesNotContain("Never Replied", names);
        Assert.DoesNotContain("One Way Fan", names);
        Assert.DoesNotContain("Weekly News", names);
        Assert.DoesNotContain("No Mail Yet", names);
    }

    [Fact]
    public void Rank_TheSameWorth_PrefersTheMoreRecentSilence()
    {
        var people = new Mail()
            .Named("a@x.example", "Older").Thread("a@x.example", Day(2020, 1, 1), 3, Week)
            .Named("b@x.example", "Newer").Thread("b@x.example", Day(2024, 1, 1), 3, Week)
            .People();

        Assert.Equal(["Newer", "Older"], Rank(people).Select(s => s.DisplayName));
    }

    [Fact]
    public void Rank_TakesTheBestK_InOrder()
    {
        var all = Rank(Mixed(), take: 200);
        var two = Rank(Mixed(), take: 2);

        Assert.Equal(all.Take(2).Select(s => s.PersonId), two.Select(s => s.PersonId));
    }

    [Fact]
    public void Rank_ShorterThreshold_AddsPeopleSilentForMonths()
    {
        var people = new Mail().Named("a@x.example", "Quiet").Thread("a@x.example", Day(2026, 4, 1), 3, Week).People();

        Assert.Empty(Rank(people, months: 12));
        Assert.Equal("Quiet", Assert.Single(Rank(people, months: 3)).DisplayName);
    }

    [Fact]
    public void Rank_Feedback_DismissedSnoozedAndNotAPersonAreHeldBack()
    {
        var people = Mixed();
        var close = Mail.Of(people, "close@x.example");
        var thread = Mail.Of(people, "thread@x.example");
        var oneoff = Mail.Of(people, "oneoff@x.example");
        var ancient = Mail.Of(people, "ancient@x.example");

        var feedback = new SuggestionFeedback(
            dismissed: ["close@x.example"],
            snoozedUntil: [new("thread@x.example", Now.AddMonths(3)), new("ancient@x.example", Now.AddDays(-1))],
            notAPerson: ["oneoff@x.example"]);
        var ids = Rank(people, feedback).Select(s => s.PersonId).ToList();

        Assert.DoesNotContain(close.PersonId, ids);
        Assert.DoesNotContain(thread.PersonId, ids);
        Assert.DoesNotContain(oneoff.PersonId, ids);
        Assert.Contains(ancient.PersonId, ids);
    }

    [Fact]
    public void Rank_TakesTheBestK_WithFeedback_AsTheFullListWouldGiveThem()
    {
        // Many people of many worths, a third of them held back in one way or another, some of
        // them the best: a short list must be the head of the long one, whatever is held back.
        var mail = new Mail();
        for (var i = 0; i < 60; i++)
        {
            mail.Thread($"p{i}@x.example", Day(2018 + (i % 7), 1 + (i % 12), 1), 2 + (i % 9), Week);
        }

        var people = mail.People();
        var feedback = new SuggestionFeedback(
            dismissed: [.. Enumerable.Range(0, 60).Where(i => i % 6 == 0).Select(i => $"p{i}@x.example")],
            snoozedUntil: [.. Enumerable.Range(0, 60).Where(i => i % 6 == 2).Select(i => KeyValuePair.Create($"p{i}@x.example", Now.AddMonths(1)))],
            notAPerson: [.. Enumerable.Range(0, 60).Where(i => i % 6 == 4).Select(i => $"p{i}@x.example")]);
        var all = Rank(people, feedback, take: 200).Select(s => s.PersonId).ToList();
        Assert.InRange(all.Count, 20, 40);

        foreach (var take in new[] { 1, 3, 10, 39 })
        {
            Assert.Equal(all.Take(take), Rank(people, feedback, take: take).Select(s => s.PersonId));
        }
    }

    [Fact]
    public void Rank_SnoozeEndsExactlyAtItsDate()
    {
        var people = Mixed();
        var snoozed = new SuggestionFeedback([], [new("close@x.example", Now)], []);
        var stillSnoozed = new SuggestionFeedback([], [new("close@x.example", Now.AddTicks(1))], []);

        Assert.Equal("Close Friend", Rank(people, snoozed)[0].DisplayName);
        Assert.NotEqual("Close Friend", Rank(people, stillSnoozed)[0].DisplayName);
    }

    [Fact]
    public void Rank_DismissedAddress_KeepsAMergedPersonOut()
    {
        // Dismissed while only the work address was known; a contact card later joins the two.
        var people = new Mail()
            .Named("ana@work.example", "Ana Silva").Thread("ana@work.example", Day(2022, 1, 1), 3, Week)
            .Thread("ana@home.example", Day(2023, 1, 1), 3, Week)
            .Contact("C", "Ana Silva", "ana@work.example", "ana@home.example")
            .People();

        Assert.Empty(Rank(people, new SuggestionFeedback(["ana@work.example"], [], [])));
    }

    [Fact]
    public void Rank_SuggestionCarriesEverythingTheTaskPaneShows()
    {
        var top = Rank(Mixed())[0];

        Assert.Equal(Mail.Of(Mixed(), "close@x.example").PersonId, top.PersonId);
        Assert.Equal(["close@x.example"], top.Addresses);
        Assert.Equal(Day(2022, 7, 26), top.LastContact);
        Assert.Equal((Now - Day(2022, 7, 26)).Days, top.SilenceDays);
        Assert.Equal("4 years, 4 months", top.SilenceText);
        Assert.Equal("You exchanged 40 emails between January 2021 and July 2022; nothing since, 4 years and 4 months.", top.Reason);
        Assert.Equal("own-the-gap", top.SuggestedStrategy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SuggestionRanker.MaxTake + 1)]
    public void Rank_RefusesABadTake(int take)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rank(Mixed(), take: take));
    }
}
