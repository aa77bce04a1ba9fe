using Reconnect.Core.Drafting;

namespace Reconnect.Core.Tests.Drafting;

public sealed class DraftSpecTests
{
    private static IReadOnlyList<FieldError> Errors(string? strategy, string? tone, params (string, string?)[] inputs)
    {
        Assert.False(DraftSpec.TryCreate(strategy, tone, inputs.ToDictionary(i => i.Item1, i => i.Item2), out var spec, out var errors));
        Assert.Null(spec);
        return errors;
    }

    [Fact]
    public void TryCreate_UnknownStrategyAndTone_ReportsBothFields()
    {
        var errors = Errors("be-nice", "sarcastic");
        Assert.Equal(["strategy", "tone"], errors.Select(e => e.Field));
    }

    [Fact]
    public void TryCreate_NoTone_DefaultsToWarm()
    {
        Assert.True(DraftSpec.TryCreate("own-the-gap", null, null, out var spec, out var errors));
        Assert.Empty(errors);
        Assert.Equal(Tone.Warm, spec.Tone);
        Assert.Empty(spec.Inputs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void TryCreate_RequiredInputMissing_ReportsTheField(string? link) =>
        Assert.Equal("inputs.link", Assert.Single(Errors("share-something-relevant", "warm", ("link", link))).Field);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("mailto:crystal@fabrikam.example")]
    [InlineData("ftp://example.com/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//example.com/no-scheme")]
    [InlineData("/relative/path")]
    [InlineData("example.com")]
    [InlineData("https://user:pass@example.com/")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://")]
    public void TryCreate_LinkNotHttpOrHttps_ReportsTheLink(string link)
    {
        var error = Assert.Single(Errors("share-something-relevant", "warm", ("link", link)));
        Assert.Equal("inputs.link", error.Field);
        Assert.Contains("http", error.Message);
    }

    [Fact]
    public void TryCreate_InputTooLong_ReportsTheField()
    {
        var error = Assert.Single(Errors("their-recent-activity", "warm", ("activity", new string('x', 301))));
        Assert.Equal("inputs.activity", error.Field);
    }

    [Fact]
    public void TryCreate_ValidInputs_AreTrimmedCleanedAndOtherStrategiesIgnored()
    {
        Assert.True(DraftSpec.TryCreate("share-something-relevant", "PROFESSIONAL", new Dictionary<string, string?>
        {
            ["LINK"] = "  https://Example.com/a?b=1&c=2  ",
            ["linkTitle"] = "Two\nlines\u0007",
            ["whyRelevant"] = "First line.\r\nSecond line.",
            ["userNews"] = "not for this strategy",
        }, out var spec, out var errors));
        Assert.Empty(errors);
        Assert.Equal(Tone.Professional, spec.Tone);
        Assert.Equal("https://example.com/a?b=1&c=2", spec.Link!.AbsoluteUri);
        Assert.Equal("Two lines", spec["linkTitle"]);
        Assert.Equal("First line.\nSecond line.", spec["whyRelevant"]);
        Assert.Null(spec["userNews"]);
    }

    [Fact]
    public void ToValidationErrors_GroupsMessagesByField()
    {
        var errors = new[] { new FieldError("inputs.link", "a"), new FieldError("inputs.link", "b"), new FieldError("tone", "c") };
        var dictionary = errors.ToValidationErrors();
        Assert.Equal(["a", "b"], dictionary["inputs.link"]);
        Assert.Equal(["c"], dictionary["tone"]);
    }
}
