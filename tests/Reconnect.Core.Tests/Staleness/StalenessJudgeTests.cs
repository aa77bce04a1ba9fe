using Reconnect.Core.People;
using Reconnect.Core.Staleness;
using static Reconnect.Core.Tests.Support.Mail;

namespace Reconnect.Core.Tests.Staleness;

public sealed class StalenessJudgeTests
{
    private static readonly DateTime Now = Day(2026, 11, 26);

    private static PersonProfile Person(DateTime? last, double? rhythmDays = null) => new()
    {
        PersonId = "p",
        DisplayName = "P",
        Addresses = ["p@x.example"],
        FirstContact = last?.AddYears(-1),
        LastContact = last,
        LastPersonalContact = last,
        UsualRhythm = rhythmDays is { } d ? TimeSpan.FromDays(d) : null,
    };

    [Theory]
    // threshold months, last contact, rhythm days, stale
    [InlineData(12, "2025-11-25", null, true)]      // a year and a day
    [InlineData(12, "2025-11-27", null, false)]     // a day short of a year
    [InlineData(3, "2026-08-20", null, true)]
    [InlineData(3, "2026-09-01", null, false)]
    [InlineData(6, "2026-05-01", null, true)]
    [InlineData(24, "2025-01-01", null, false)]
    [InlineData(24, "2024-11-01", null, true)]
    [InlineData(12, "2025-06-01", 7.0, true)]        // weekly correspondent, silent 18 months: both exceeded
    [InlineData(12, "2025-06-01", 200.0, false)]     // writes twice a year: 18 months < 3 × 200 days
    [InlineData(12, "2024-06-01", 200.0, true)]      // 30 months > 600 days
    [InlineData(3, "2026-05-01", 90.0, false)]       // quarterly: 7 months < 3 quarters
    [InlineData(12, "2027-01-01", null, false)]      // a date in the future is no silence
    public void Judge_ThresholdAndRhythm(int months, string last, double? rhythm, bool stale)
    {
        var lastContact = DateTime.SpecifyKind(DateTime.Parse(last, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc).AddHours(12);

        var verdict = StalenessJudge.Judge(Person(lastContact, rhythm), Now, new StalenessPolicy(months));

        Assert.Equal(stale, verdict.IsStale);
    }

    [Fact]
    public void Judge_NoMailYet_IsNeverStale()
    {
        var verdict = StalenessJudge.Judge(Person(null), Now, StalenessPolicy.Default);

        Assert.False(verdict.IsStale);
        Assert.Null(verdict.SilentSince);
    }

    [Fact]
    public void Judge_MeasuresSilenceFromTheLastPersonalContact()
    {
        var person = Person(Day(2024, 1, 1)) with { LastContact = Day(2026, 10, 1) };

        var verdict = StalenessJudge.Judge(person, Now, StalenessPolicy.Default);

        Assert.True(verdict.IsStale);
        Assert.Equal(Day(2024, 1, 1), verdict.SilentSince);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12 + 1)]
    [InlineData(0)]
    public void Policy_RefusesOtherThresholds(int months)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StalenessPolicy(months));
    }

    [Fact]
    public void Policy_DefaultsToTwelveMonthsAndThreeBeats()
    {
        Assert.Equal(12, StalenessPolicy.Default.ThresholdMonths);
        Assert.Equal(3, StalenessPolicy.Default.RhythmMultiple);
        Assert.Equal([3, 6, 12, 24], StalenessPolicy.AllowedThresholdMonths);
    }
}
