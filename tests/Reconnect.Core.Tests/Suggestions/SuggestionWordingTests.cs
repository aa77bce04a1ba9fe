using System.Globalization;
using Reconnect.Core.People;
using Reconnect.Core.Suggestions;

namespace Reconnect.Core.Tests.Suggestions;

public sealed class SuggestionWordingTests
{
    private static readonly DateTime Now = At("2026-11-26T12:00:00Z");

    [Theory]
    [InlineData("2024-05-03T10:00:00Z", "2 years, 6 months")]
    [InlineData("2025-11-26T12:00:00Z", "1 year")]
    [InlineData("2025-10-20T12:00:00Z", "1 year, 1 month")]
    [InlineData("2023-11-25T12:00:00Z", "3 years")]
    [InlineData("2023-11-27T12:00:00Z", "2 years, 11 months")]
    [InlineData("2025-12-01T12:00:00Z", "11 months")]
    [InlineData("2026-10-26T12:00:00Z", "1 month")]
    [InlineData("2026-10-27T12:00:00Z", "4 weeks")]
    [InlineData("2026-11-12T12:00:00Z", "2 weeks")]
    [InlineData("2026-11-16T12:00:00Z", "10 days")]
    [InlineData("2026-11-25T12:00:00Z", "1 day")]
    [InlineData("2026-11-26T11:00:00Z", "less than a day")]
    [InlineData("2027-01-01T00:00:00Z", "less than a day")]
    public void Silence_InWholeCalendarUnits(string since, string expected)
    {
        Assert.Equal(expected, SuggestionWording.Silence(At(since), Now));
    }

    [Fact]
    public void Silence_EndOfMonth_CountsAWholeMonthOnlyWhenItHasPassed()
    {
        Assert.Equal("1 month", SuggestionWording.Silence(At("2026-01-31T00:00:00Z"), At("2026-02-28T00:00:00Z")));
        Assert.Equal("3 weeks", SuggestionWording.Silence(At("2026-01-31T00:00:00Z"), At("2026-02-27T23:00:00Z")));
    }

    [Fact]
    public void Silence_InASentence_JoinsWithAnd()
    {
        Assert.Equal("2 years and 6 months", SuggestionWording.Silence(At("2024-05-03T10:00:00Z"), Now, " and "));
    }

    [Theory]
    [InlineData(7, 7, "2023-03-01", "2024-05-20", "You exchanged 14 emails between March 2023 and May 2024; nothing since, 2 years and 6 months.")]
    [InlineData(3, 3, "2024-03-12", "2024-05-03", "You exchanged 6 emails between March and May 2024; nothing since, 2 years and 6 months.")]
    [InlineData(1, 1, "2023-10-05", "2023-10-09", "You exchanged 2 emails in October 2023; nothing since, 3 years and 1 month.")]
    [InlineData(2, 0, "2024-11-01", "2024-11-20", "You wrote them 2 emails in November 2024; nothing since, 2 years.")]
    [InlineData(1, 0, "2025-10-20", "2025-10-20", "You wrote them 1 email in October 2025; nothing since, 1 year and 1 month.")]
    [InlineData(0, 1, "2025-01-10", "2025-01-10", "They wrote you 1 email in January 2025; nothing since, 1 year and 10 months.")]
    [InlineData(0, 5, "2024-12-01", "2025-11-01", "They wrote you 5 emails between December 2024 and November 2025; nothing since, 1 year.")]
    public void Reason_FromTheNumbers(int sent, int received, string first, string last, string expected)
    {
        var person = Person(sent, received, At(first + "T12:00:00Z"), At(last + "T12:00:00Z"));

        Assert.Equal(expected, SuggestionWording.Reason(person, person.LastPersonalContact!.Value, Now));
    }

    [Fact]
    public void Reason_WithMeetings_SaysSo()
    {
        var person = Person(3, 3, At("2024-03-12T12:00:00Z"), At("2024-05-03T12:00:00Z")) with { MeetingCount = 2, PersonalMeetingCount = 2 };

        Assert.Equal("You exchanged 6 emails and met twice between March and May 2024; nothing since, 2 years and 6 months.",
            SuggestionWording.Reason(person, person.LastPersonalContact!.Value, Now));
    }

    [Fact]
    public void Reason_WithOnlyLargeMeetings_LeavesThemOut()
    {
        var person = Person(3, 3, At("2024-03-12T12:00:00Z"), At("2024-05-03T12:00:00Z")) with { MeetingCount = 4, PersonalMeetingCount = 0 };

        Assert.StartsWith("You exchanged 6 emails between March and May 2024;", SuggestionWording.Reason(person, person.LastPersonalContact!.Value, Now));
    }

    [Fact]
    public void LastTouch_MeetingAndMail_SaysBoth()
    {
        var person = Person(3, 3, At("2024-03-12T12:00:00Z"), At("2024-06-02T12:00:00Z")) with
        {
            LastSent = At("2024-06-02T12:00:00Z"),
            LastReceived = At("2024-05-30T12:00:00Z"),
            LastMeeting = At("2025-03-14T15:00:00Z"),
        };

        Assert.Equal("last met 14 March 2025, last email 2 June 2024", SuggestionWording.LastTouch(person));
        Assert.Equal("last email 2 June 2024", SuggestionWording.LastTouch(person with { LastMeeting = null }));
    }

    private static PersonProfile Person(int sent, int received, DateTime first, DateTime last) => new()
    {
        PersonId = "p",
        DisplayName = "P",
        Addresses = ["p@x.example"],
        SentCount = sent,
        ReceivedCount = received,
        FirstContact = first,
        LastContact = last,
        LastPersonalContact = last,
    };

    private static DateTime At(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
