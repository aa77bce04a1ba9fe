using Reconnect.Core.People;
using Reconnect.Core.Tests.Support;
using static Reconnect.Core.Tests.Support.Mail;

namespace Reconnect.Core.Tests.People;

public sealed class PeopleMergingTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void Build_ContactListsTwoAddresses_OnePersonWithTheUnionOfHistory()
    {
        var people = new Mail()
            .Thread("ana@work.example", Day(2023, 1, 10), 2, Week)
            .Thread("ana.home@mail.example", Day(2024, 6, 1), 1, Week)
            .Contact("C9", "Ana Silva", "ana@work.example", "ana.home@mail.example")
            .People();

        var ana = Assert.Single(people);
        Assert.Equal(["ana.home@mail.example", "ana@work.example"], ana.Addresses);
        Assert.Equal(3, ana.SentCount);
        Assert.Equal(3, ana.ReceivedCount);
        Assert.Equal(Day(2023, 1, 10), ana.FirstContact);
        Assert.Equal(Day(2024, 6, 2), ana.LastContact);
        Assert.Equal("Ana Silva", ana.DisplayName);
        Assert.Equal("C9", ana.ContactId);
    }

    [Fact]
    public void Build_PlusAddressing_MergesWithTheBareAddress()
    {
        var people = new Mail()
            .Thread("kim@lab.example", Day(2023, 1, 10), 1, Week)
            .Thread("kim+conf@lab.example", Day(2023, 5, 10), 1, Week)
            .People();

        var kim = Assert.Single(people);
        Assert.Equal(["kim+conf@lab.example", "kim@lab.example"], kim.Addresses);
    }

    [Fact]
    public void Build_GmailDots_AreOneMailbox()
    {
        var people = new Mail()
            .Received("jo.ann.lee@gmail.com", Day(2023, 1, 10))
            .Sent("joannlee@googlemail.com", Day(2023, 1, 11))
            .People();

        Assert.Single(people);
        Assert.Equal(1, people[0].TwoWayExchanges);
    }

    [Fact]
    public void Build_SameFullName_TwoWayOnWorkAndPersonalAddress_Merges()
    {
        var people = new Mail()
            .Named("maria.garcia@contoso.example", "Garcia, Maria").Thread("maria.garcia@contoso.example", Day(2022, 3, 1), 3, Week)
            .Named("mgarcia77@gmail.com", "Maria Garcia").Thread("mgarcia77@gmail.com", Day(2023, 9, 1), 2, Week)
            .People();

        var maria = Assert.Single(people);
        Assert.Equal("Maria Garcia", maria.DisplayName);
        Assert.Equal("mgarcia77@gmail.com", maria.Addresses[0]);
    }

    [Fact]
    public void Build_SameFullName_TwoWayAtOneDomain_Merges()
    {
        var people = new Mail()
            .Named("maria.garcia@contoso.example", "Maria Garcia").Thread("maria.garcia@contoso.example", Day(2022, 3, 1), 2, Week)
            .Named("mgarcia@contoso.example", "Maria Garcia").Thread("mgarcia@contoso.example", Day(2023, 9, 1), 2, Week)
            .People();

        Assert.Single(people);
    }

    [Fact]
    public void Build_NamesakesAtTwoCompanies_StayApartEvenWhenBothTwoWay()
    {
        var people = new Mail()
            .Named("john.smith@fabrikam.example", "John Smith").Thread("john.smith@fabrikam.example", Day(2022, 3, 1), 3, Week)
            .Named("jsmith@contoso.example", "John Smith").Thread("jsmith@contoso.example", Day(2022, 4, 1), 3, Week)
            .People();

        Assert.Equal(2, people.Count);
    }

    [Fact]
    public void Build_NamesakesAtTwoCompanies_APersonalAddressNeverBridgesThem()
    {
        var people = new Mail()
            .Named("john.smith@fabrikam.example", "John Smith").Thread("john.smith@fabrikam.example", Day(2022, 3, 1), 3, Week)
            .Named("jsmith@contoso.example", "John Smith").Thread("jsmith@contoso.example", Day(2022, 4, 1), 3, Week)
            .Named("johnsmith@gmail.com", "John Smith").Thread("johnsmith@gmail.com", Day(2022, 5, 1), 3, Week)
            .People();

        Assert.Equal(3, people.Count);
    }

    [Fact]
    public void Build_SameName_OneWayOnOneAddress_StaysApart()
    {
        var people = new Mail()
            .Named("john.smith@fabrikam.example", "John Smith").Thread("john.smith@fabrikam.example", Day(2022, 3, 1), 3, Week)
            .Named("john.smith@gmail.com", "John Smith").Received("john.smith@gmail.com", Day(2022, 6, 1)).Received("john.smith@gmail.com", Day(2022, 9, 1))
            .People();

        Assert.Equal(2, people.Count);
    }

    [Fact]
    public void Build_SameName_WrittenAndWroteButNeverAReply_StaysApart()
    {
        // Sent and received on each, but months apart: no exchange, so no evidence of one person.
        var people = new Mail()
            .Named("ali.khan@gmail.com", "Ali Khan").Sent("ali.khan@gmail.com", Day(2022, 1, 1)).Received("ali.khan@gmail.com", Day(2022, 6, 1))
            .Named("ali.khan@contoso.example", "Ali Khan").Thread("ali.khan@contoso.example", Day(2022, 3, 1), 2, Week)
            .People();

        Assert.Equal(2, people.Count);
    }

    [Theory]
    [InlineData("J. Smith")]
    [InlineData("Smith")]
    [InlineData("Support Team 2")]
    [InlineData("john.smith@gmail.com")]
    public void Build_WeakNames_NeverMerge(string name)
    {
        var people = new Mail()
            .Named("john.smith@contoso.example", name).Thread("john.smith@contoso.example", Day(2022, 3, 1), 3, Week)
            .Named("js@gmail.com", name).Thread("js@gmail.com", Day(2022, 5, 1), 3, Week)
            .People();

        Assert.Equal(2, people.Count);
    }

    [Fact]
    public void Build_SameName_OnTwoDifferentContacts_StaysApart()
    {
        var people = new Mail()
            .Named("sara.lind@gmail.com", "Sara Lind").Thread("sara.lind@gmail.com", Day(2022, 3, 1), 3, Week)
            .Named("sara@contoso.example", "Sara Lind").Thread("sara@contoso.example", Day(2022, 5, 1), 3, Week)
            .Contact("A", "Sara Lind", "sara.lind@gmail.com")
            .Contact("B", "Sara Lind", "sara@contoso.example")
            .People();

        Assert.Equal(2, people.Count);
    }

    [Fact]
    public void Build_ContactWithoutMail_IsAPersonWithNoMailYet()
    {
        var people = new Mail().Contact("P", "Priya Raman", "priya@litware.example").People();

        var priya = Assert.Single(people);
        Assert.True(priya.NoMailYet);
        Assert.Equal(0, priya.Worth);
        Assert.Equal("Priya", priya.GivenName);
        Assert.Null(priya.UsualRhythm);
    }

    [Fact]
    public void PersonId_IsDeterministicUrlSafeAndFromTheSmallestAddress()
    {
        var id = PersonIds.For(["b@x.example", "a@x.example"]);

        Assert.Equal(id, PersonIds.For(["a@x.example"]));
        Assert.NotEqual(id, PersonIds.For(["b@x.example"]));
        Assert.Equal(16, id.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", id);
    }

    [Theory]
    [InlineData("Cory, Crystal", "Crystal Cory")]
    [InlineData("Nora Lindqvist (Woodgrove)", "Nora Lindqvist")]
    [InlineData("[External] Sam Patel", "Sam Patel")]
    [InlineData("Smith, Jr.", "Smith, Jr.")]
    [InlineData("\"sam@contoso.example\"", null)]
    [InlineData("  ", null)]
    public void Tidy_NamesAsPeopleWriteThem(string raw, string? expected)
    {
        Assert.Equal(expected, PersonNames.Tidy(raw));
    }

    [Theory]
    [InlineData("Cory, Crystal", "crystal cory")]
    [InlineData("Crystal  CORY", "crystal cory")]
    [InlineData("Mary-Ann O'Neil", "mary ann oneil")]
    [InlineData("C. Cory", null)]
    [InlineData("Crystal", null)]
    [InlineData("Crystal Cory 2", null)]
    public void MergeKey_OnlyFullNames(string raw, string? expected)
    {
        Assert.Equal(expected, PersonNames.MergeKey(raw));
    }
}
