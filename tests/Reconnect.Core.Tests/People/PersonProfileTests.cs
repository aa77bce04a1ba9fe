using Reconnect.Core.Tests.Support;
using static Reconnect.Core.Tests.Support.Mail;

namespace Reconnect.Core.Tests.People;

public sealed class PersonProfileTests
{
    [Fact]
    public void TwoWayExchanges_CountEachChangeOfHandsWithinTheReplyWindow()
    {
        var people = new Mail()
            .Received("a@x.example", Day(2024, 1, 1))
            .Sent("a@x.example", Day(2024, 1, 2))     // 1: the user answered
            .Sent("a@x.example", Day(2024, 1, 3))     // a second note, no change of hands
            .Received("a@x.example", Day(2024, 1, 12)) // 2: they answered within a fortnight
            .Sent("a@x.example", Day(2024, 6, 1))     // months later: a new conversation, not a reply
            .People();

        Assert.Equal(2, people[0].TwoWayExchanges);
    }

    [Fact]
    public void TwoWayExchanges_NoneInMassMail_AndWorthIsSmall()
    {
        var mass = new Mail().Thread("a@x.example", Day(2024, 1, 1), 5, TimeSpan.FromDays(7), groupSize: 40).People()[0];
        var personal = new Mail().Thread("a@x.example", Day(2024, 1, 1), 5, TimeSpan.FromDays(7)).People()[0];

        Assert.Equal(0, mass.TwoWayExchanges);
        Assert.Equal(9, personal.TwoWayExchanges);
        Assert.True(personal.Worth > 20 * mass.Worth);
    }

    [Fact]
    public void TwoWayExchanges_NoneForSomeoneWhoNeverReplied()
    {
        var person = new Mail()
            .Sent("met.once@x.example", Day(2024, 1, 1))
            .Sent("met.once@x.example", Day(2024, 2, 1))
            .People()[0];

        Assert.Equal(0, person.TwoWayExchanges);
    }

    [Fact]
    public void UsualRhythm_IsTheMedianGapBetweenDays_NullUnderThreeDays()
    {
        var weekly = new Mail()
            .Received("a@x.example", Day(2024, 1, 1)).Received("a@x.example", Day(2024, 1, 1).AddHours(3))
            .Sent("a@x.example", Day(2024, 1, 8)).Received("a@x.example", Day(2024, 1, 15)).Sent("a@x.example", Day(2024, 3, 15))
            .People()[0];
        var twoDays = new Mail().Received("b@x.example", Day(2024, 1, 1)).Sent("b@x.example", Day(2024, 5, 1)).People()[0];

        Assert.Equal(TimeSpan.FromDays(7), weekly.UsualRhythm);
        Assert.Null(twoDays.UsualRhythm);
    }

    [Fact]
    public void LastPersonalContact_IgnoresLaterMassMail()
    {
        var person = new Mail()
            .Thread("a@x.example", Day(2023, 1, 1), 3, TimeSpan.FromDays(7))
            .Received("a@x.example", Day(2026, 1, 1), groupSize: 40)
            .People()[0];

        Assert.Equal(Day(2026, 1, 1), person.LastContact);
        Assert.Equal(Day(2023, 1, 16), person.LastPersonalContact);
    }

    [Fact]
    public void Worth_GrowsWithExchangesBalanceAndDuration()
    {
        var oneExchange = new Mail().Thread("a@x.example", Day(2024, 1, 1), 1, TimeSpan.FromDays(7)).People()[0];
        var fiveExchanges = new Mail().Thread("a@x.example", Day(2024, 1, 1), 3, TimeSpan.FromDays(7)).People()[0];
        var fiveOverYears = new Mail().Thread("a@x.example", Day(2020, 1, 1), 3, TimeSpan.FromDays(700)).People()[0];
        var oneWay = new Mail().Sent("a@x.example", Day(2024, 1, 1)).Sent("a@x.example", Day(2024, 1, 8)).Sent("a@x.example", Day(2024, 1, 15)).People()[0];

        Assert.True(fiveExchanges.Worth > oneExchange.Worth);
        Assert.True(fiveOverYears.Worth > fiveExchanges.Worth);
        Assert.True(oneExchange.Worth > oneWay.Worth);
    }

    [Fact]
    public void Worth_RoleAddressTheUserWroteTo_IsDiscounted()
    {
        var role = new Mail().Thread("support@x.example", Day(2024, 1, 1), 3, TimeSpan.FromDays(7)).People()[0];
        var person = new Mail().Thread("ana@x.example", Day(2024, 1, 1), 3, TimeSpan.FromDays(7)).People()[0];

        Assert.False(role.IsAutomated);
        Assert.True(role.IsSharedMailbox);
        Assert.False(person.IsSharedMailbox);
        Assert.True(role.Worth < person.Worth / 2);
    }

    [Fact]
    public void SharedMailbox_NotWhenAContactCardNamesIt()
    {
        var people = new Mail()
            .Thread("hello@janedoe.example", Day(2024, 1, 1), 3, TimeSpan.FromDays(7))
            .Contact("J", "Jane Doe", "hello@janedoe.example")
            .People();

        Assert.False(people[0].IsSharedMailbox);
    }

    [Fact]
    public void ImplausibleDates_AreIgnored()
    {
        var person = new Mail()
            .Received("a@x.example", new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc))
            .Thread("a@x.example", Day(2024, 1, 1), 1, TimeSpan.FromDays(7))
            .People()[0];

        Assert.Equal(Day(2024, 1, 1), person.FirstContact);
    }

    [Fact]
    public void Meeting_CountsAsAnExchangeAndAContact()
    {
        var person = new Mail()
            .Received("a@x.example", Day(2024, 1, 1))
            .Meeting("a@x.example", Day(2024, 3, 1))
            .People()[0];

        Assert.Equal(1, person.TwoWayExchanges);
        Assert.Equal(1, person.MeetingCount);
        Assert.Equal(Day(2024, 3, 1), person.LastContact);
        Assert.Equal(1, person.ReceivedCount);
    }
}
