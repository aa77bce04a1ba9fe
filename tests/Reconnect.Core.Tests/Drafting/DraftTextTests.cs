using Reconnect.Core.Drafting;

namespace Reconnect.Core.Tests.Drafting;

public sealed class DraftTextTests
{
    [Theory]
    [InlineData("you mentioned flaky tests", "You mentioned flaky tests.")]
    [InlineData("It was great!", "It was great!")]
    [InlineData("Is it \"done?\"", "Is it \"done?\"")]
    [InlineData("iPhone sales doubled", "iPhone sales doubled.")]
    [InlineData("Two lines\nhere", "Two lines\nhere.")]
    public void AsSentences_UserText_IsFinishedAsSentences(string input, string expected) =>
        Assert.Equal(expected, DraftText.AsSentences(input));

    [Theory]
    [InlineData("Your post about Postgres.", "your post about Postgres")]
    [InlineData("The news of your new role!", "the news of your new role")]
    [InlineData("Northwind's launch", "Northwind's launch")]
    [InlineData("...", null)]
    public void AsPhrase_UserText_FitsInsideOurSentence(string input, string? expected) =>
        Assert.Equal(expected, DraftText.AsPhrase(input));

    [Fact]
    public void Paragraphs_TemplateWhitespace_IsNormalised()
    {
        var paragraphs = DraftText.Paragraphs("  Hi  there ,\n\n\n\n  line one \t\nline two\n\n");
        Assert.Equal([["Hi there ,"], ["line one", "line two"]], paragraphs);
    }
}
