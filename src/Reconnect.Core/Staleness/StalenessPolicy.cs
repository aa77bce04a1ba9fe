namespace Reconnect.Core.Staleness;

/// <summary>
/// When silence becomes staleness: longer than the user's threshold AND longer than
/// <see cref="RhythmMultiple"/> times the person's usual rhythm.
/// </summary>
/// <remarks>
/// The threshold is the user's knob (3, 6, 12 or 24 months; 12 by default, the "over a year ago"
/// of the brief). The rhythm guard protects slow correspondents: someone the user writes to every
/// five months is not stale at seven, only after three missed beats in a row (k = 3; at k = 2 a
/// single late reply would flag them, and median gaps are noisy). For most people the median gap
/// is days or weeks (mail comes in threads), so the threshold decides. Unknown rhythm (fewer than
/// three days of contact): the threshold alone.
/// </remarks>
public sealed record StalenessPolicy
{
    /// <summary>The thresholds a user may choose, in months.</summary>
    public static readonly IReadOnlyList<int> AllowedThresholdMonths = [3, 6, 12, 24];

    public const int DefaultThresholdMonths = 12;
    public const double DefaultRhythmMultiple = 3.0;

    public static readonly StalenessPolicy Default = new();

    public StalenessPolicy(int thresholdMonths = DefaultThresholdMonths, double rhythmMultiple = DefaultRhythmMultiple)
    {
        if (!IsAllowedThreshold(thresholdMonths))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdMonths), thresholdMonths, "The threshold is 3, 6, 12 or 24 months.");
        }

        if (!(rhythmMultiple >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rhythmMultiple), rhythmMultiple, "The rhythm multiple is at least 1.");
        }

        ThresholdMonths = thresholdMonths;
        RhythmMultiple = rhythmMultiple;
    }

    public int ThresholdMonths { get; }

    public double RhythmMultiple { get; }

    public static bool IsAllowedThreshold(int months) => months is 3 or 6 or 12 or 24;

    /// <summary>The last contact before which a person has been silent longer than the threshold.</summary>
    public DateTime Cutoff(DateTime now) => now.AddMonths(-ThresholdMonths);
}
