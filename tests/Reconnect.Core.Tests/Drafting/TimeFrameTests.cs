using Reconnect.Core.Drafting;

namespace Reconnect.Core.Tests.Drafting;

public sealed class TimeFrameTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-3, "a few days")] // last contact "after" now: clock skew
    [InlineData(0, "a few days")]
    [InlineData(3, "a few days")]
    [InlineData(8, "about a week")]
    [InlineData(14, "about two weeks")]
    [InlineData(21, "about three weeks")]
    [InlineData(30, "about a month")]
    [InlineData(45, "about a month")]
    [InlineData(60, "about two months")]
    [InlineData(92, "about three months")]
    [InlineData(182, "about six months")]
    [InlineData(243, "about eight months")]
    [InlineData(300, "about ten months")]
    [InlineData(335, "almost a year")]
    [InlineData(365, "about a year")]
    [InlineData(395, "about a year")]
    [InlineData(420, "over a year")]
    [InlineData(540, "over a year")]
    [InlineData(650, "almost two years")]
    [InlineData(700, "almost two years")]
    [InlineData(740, "about two years")]
    [InlineData(900, "more than two years")]
    [InlineData(1100, "about three years")]
    [InlineData(1200, "more than three years")]
    [InlineData(1400, "almost four years")]
    [InlineData(2000, "more than five years")]
    [InlineData(3600, "about ten years")]
    [InlineData(4000, "more than a decade")]
    [InlineData(9000, "more than a decade")]
    public void Describe_GapInDays_ReadsNaturally(int days, string expected) =>
        Assert.Equal(expected, TimeFrame.Describe(Now.AddDays(-days), Now));

    [Fact]
    public void Describe_EveryDayOverTwentyYears_NeverSaysZeroOrABareNumber()
    {
        for (int days = -10; days < 20 * 366; days++)
        {
            var text = TimeFrame.Describe(Now.AddDays(-days), Now);
            Assert.DoesNotContain("zero", text);
            Assert.DoesNotMatch(@"\d", text);
            Assert.Matches(@"^(a few days$|(about|almost|over|more than) )", text);
        }
    }
}
